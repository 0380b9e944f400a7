package vn.dvc.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dvc.organisation.AgencyFixtures.PROVINCE;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.dvc.IntegrationTest;
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyAdministration.Contacts;
import vn.dvc.organisation.AgencyAdministration.NewAgency;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;

@IntegrationTest
@RecordApplicationEvents
class AgencyAdministrationTests {

    static final AgencyScope ALL = AgencyScope.PROVINCE;

    @Autowired
    AgencyAdministration administration;
    @Autowired
    Agencies agencies;
    @Autowired
    ApplicationEvents events;

    AgencyFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AgencyFixtures(administration);
    }

    @Test
    void creatingAnAgencyRecordsItsNameAuditAndEvent() {
        String code = AgencyFixtures.unusedCode();
        administration.create(ALL, new NewAgency(code, AgencyLevel.DISTRICT, PROVINCE, "  Ủy ban nhân dân thị xã Mới ",
                "Thị xã Mới", LocalDate.of(2025, 1, 1)));

        Agency agency = agencies.find(code).orElseThrow();
        assertThat(agency.name()).isEqualTo("Ủy ban nhân dân thị xã Mới");
        assertThat(agency.shortName()).isEqualTo("Thị xã Mới");
        assertThat(agency.level()).isEqualTo(AgencyLevel.DISTRICT);
        assertThat(agency.parentCode()).isEqualTo(PROVINCE);
        assertThat(agencies.changes(code)).extracting(AgencyChange::kind).containsExactly(AgencyChange.Kind.CREATED);
        assertThat(events.stream(AgencyCreated.class)).containsExactly(
                new AgencyCreated(code, AgencyLevel.DISTRICT, PROVINCE, LocalDate.of(2025, 1, 1)));
    }

    @Test
    void creatingRefusesMalformedOrReusedCodesAndMissingFields() {
        assertThatThrownBy(() -> administration.create(ALL, new NewAgency("00.1.2.H21", null, "999.99.99.H21", " ",
                null, LocalDate.of(2025, 1, 1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldProblems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("code", "organisation.validation.code-format"),
                                org.assertj.core.groups.Tuple.tuple("level", "validation.required"),
                                org.assertj.core.groups.Tuple.tuple("name", "validation.required"),
                                org.assertj.core.groups.Tuple.tuple("parentCode",
                                        "organisation.validation.parent-missing")));
        assertThatThrownBy(() -> administration.create(ALL, new NewAgency("000.00.03.H21", AgencyLevel.PROVINCIAL,
                PROVINCE, "Sở Tư pháp (bản sao)", null, LocalDate.of(2025, 1, 1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldProblems())
                        .extracting(FieldProblem::messageKey).containsExactly("organisation.validation.code-taken"));
        assertThatThrownBy(() -> administration.create(ALL, new NewAgency(AgencyFixtures.unusedCode(),
                AgencyLevel.PROVINCIAL, PROVINCE, "x".repeat(301), null, LocalDate.of(2025, 1, 1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldProblems())
                        .extracting(FieldProblem::messageKey).containsExactly("validation.too-long"));
    }

    @Test
    void renamingKeepsTheOldNameInHistory() {
        String code = fixtures.agency("Sở Thông tin và Truyền thông thử");
        administration.rename(ALL, code, fixtures.version(code), "Sở Khoa học và Công nghệ thử", "Sở KH&CN",
                LocalDate.of(2025, 3, 1));

        assertThat(agencies.names(code)).containsExactly(
                new AgencyName("Sở Thông tin và Truyền thông thử", null, AgencyFixtures.START, LocalDate.of(2025, 3, 1)),
                new AgencyName("Sở Khoa học và Công nghệ thử", "Sở KH&CN", LocalDate.of(2025, 3, 1), null));
        assertThat(agencies.findAsOf(code, LocalDate.of(2025, 2, 28)).orElseThrow().name())
                .isEqualTo("Sở Thông tin và Truyền thông thử");
        assertThat(agencies.find(code).orElseThrow().name()).isEqualTo("Sở Khoa học và Công nghệ thử");
        AgencyChange change = agencies.changes(code).get(0);
        assertThat(change.kind()).isEqualTo(AgencyChange.Kind.RENAMED);
        assertThat(change.effective()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(change.detail()).isEqualTo("Sở Thông tin và Truyền thông thử → Sở Khoa học và Công nghệ thử");
        assertThat(events.stream(AgencyRenamed.class)).containsExactly(new AgencyRenamed(code,
                "Sở Thông tin và Truyền thông thử", "Sở Khoa học và Công nghệ thử", LocalDate.of(2025, 3, 1)));
    }

    @Test
    void aRenameMustTakeEffectAfterTheCurrentNameBegan() {
        String code = fixtures.agency("Sở A");
        assertThatThrownBy(() -> administration.rename(ALL, code, fixtures.version(code), "Sở B", null,
                AgencyFixtures.START))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldProblems())
                        .extracting(FieldProblem::field).containsExactly("effective"));
        assertThat(agencies.names(code)).hasSize(1);
    }

    @Test
    void mergingEndsTheAgencyAndNamesItsSuccessor() {
        String merged = fixtures.agency("Sở bị sáp nhập");
        String successor = fixtures.agency("Sở tiếp nhận");
        administration.merge(ALL, merged, fixtures.version(merged), successor, LocalDate.of(2025, 3, 1));

        Agency agency = agencies.find(merged).orElseThrow();
        assertThat(agency.validTo()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(agency.successorCode()).isEqualTo(successor);
        assertThat(agency.name()).isEqualTo("Sở bị sáp nhập");
        assertThat(agencies.active(null)).extracting(Agency::code).doesNotContain(merged).contains(successor);
        assertThat(agencies.changes(merged).get(0)).extracting(AgencyChange::kind, AgencyChange::detail)
                .containsExactly(AgencyChange.Kind.MERGED, successor);
        assertThat(events.stream(AgencyMerged.class))
                .containsExactly(new AgencyMerged(merged, successor, LocalDate.of(2025, 3, 1)));
    }

    @Test
    void aMergeIsRefusedWhileAgenciesUnderItAreActive() {
        String parent = fixtures.agency("Sở có đơn vị trực thuộc");
        String child = fixtures.agencyUnder(parent, "Chi cục trực thuộc");
        String successor = fixtures.agency("Sở tiếp nhận");

        assertThatThrownBy(() -> administration.merge(ALL, parent, fixtures.version(parent), successor,
                LocalDate.of(2025, 3, 1)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("organisation.agency.has-children"));
        assertThat(agencies.find(parent).orElseThrow().validTo()).isNull();
        assertThat(agencies.find(child).orElseThrow().parentCode()).isEqualTo(parent);
        assertThat(events.stream(AgencyMerged.class)).isEmpty();
    }

    @Test
    void aMergeNeedsAnotherAgencyActiveOnTheEffectiveDate() {
        String merged = fixtures.agency("Sở A");
        String gone = fixtures.agency("Sở đã giải thể");
        administration.dissolve(ALL, gone, fixtures.version(gone), LocalDate.of(2024, 1, 1));

        for (String successor : List.of(merged, gone, "999.99.99.H21")) {
            assertThatThrownBy(() -> administration.merge(ALL, merged, fixtures.version(merged), successor,
                    LocalDate.of(2025, 1, 1)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldProblems())
                            .extracting(FieldProblem::field).containsExactly("successorCode"));
        }
    }

    @Test
    void dissolvingEndsTheAgencyWithoutSuccessor() {
        String code = fixtures.agency("Ban giải thể");
        administration.dissolve(ALL, code, fixtures.version(code), LocalDate.of(2025, 7, 1));

        Agency agency = agencies.find(code).orElseThrow();
        assertThat(agency.validTo()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(agency.successorCode()).isNull();
        assertThat(agencies.changes(code).get(0).kind()).isEqualTo(AgencyChange.Kind.DISSOLVED);
        assertThat(events.stream(AgencyDissolved.class))
                .containsExactly(new AgencyDissolved(code, LocalDate.of(2025, 7, 1)));
        assertThatThrownBy(() -> administration.rename(ALL, code, fixtures.version(code), "Tên mới", null,
                LocalDate.of(2025, 8, 1)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("organisation.agency.inactive"));
    }

    @Test
    void anEditOfAStaleVersionIsAConflictAndChangesNothing() {
        String code = fixtures.agency("Sở A");
        long version = fixtures.version(code);
        administration.updateDetails(ALL, code, version, new Contacts("Địa chỉ 1", null, null, null));

        assertThatThrownBy(() -> administration.updateDetails(ALL, code, version,
                new Contacts("Địa chỉ 2", null, null, null)))
                .isInstanceOf(ConflictException.class);
        assertThat(agencies.find(code).orElseThrow().address()).isEqualTo("Địa chỉ 1");
        assertThat(fixtures.version(code)).isEqualTo(version + 1);
    }

    @Test
    void contactDetailsAreValidated() {
        String code = fixtures.agency("Sở A");
        assertThatThrownBy(() -> administration.updateDetails(ALL, code, fixtures.version(code),
                new Contacts(null, "gọi tôi", "khong-phai-email", "gialai.gov.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldProblems())
                        .extracting(FieldProblem::messageKey).containsExactly("organisation.validation.phone",
                                "organisation.validation.email", "organisation.validation.website"));

        administration.updateDetails(ALL, code, fixtures.version(code),
                new Contacts(null, "(+84) 269.3824.123", "vanphong@gialai.gov.vn", "https://gialai.gov.vn"));
        assertThat(agencies.find(code).orElseThrow().email()).isEqualTo("vanphong@gialai.gov.vn");
        assertThat(agencies.changes(code).get(0).kind()).isEqualTo(AgencyChange.Kind.UPDATED);
    }

    @Test
    void anAgencyAdministratorEditsOnlyTheirOwnAgencyAndMakesNoStructuralChange() {
        String own = fixtures.agency("Sở của mình");
        String other = fixtures.agency("Sở khác");
        AgencyScope scope = AgencyScope.of(own);

        administration.updateDetails(scope, own, fixtures.version(own), new Contacts("Địa chỉ mới", null, null, null));
        assertThat(agencies.find(own).orElseThrow().address()).isEqualTo("Địa chỉ mới");

        assertThatThrownBy(() -> administration.updateDetails(scope, other, fixtures.version(other),
                new Contacts("Chiếm quyền", null, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.rename(scope, own, fixtures.version(own), "Tên khác", null,
                LocalDate.of(2025, 1, 1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.dissolve(scope, own, fixtures.version(own), LocalDate.of(2025, 1, 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.create(scope, new NewAgency(AgencyFixtures.unusedCode(),
                AgencyLevel.PROVINCIAL, PROVINCE, "Sở mới", null, LocalDate.of(2025, 1, 1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.editable(scope, other))
                .isInstanceOf(vn.dvc.shared.NotFoundException.class);
        assertThat(administration.manageable(scope)).extracting(Agency::code).containsExactly(own);
        assertThat(agencies.find(other).orElseThrow().address()).isNull();
        assertThat(agencies.find(own).orElseThrow().name()).isEqualTo("Sở của mình");
    }

    @Test
    @WithUserDetails("dieuphoi.stttt")
    void theAuditTrailNamesWhoMadeTheChange() {
        String code = fixtures.agency("Sở A");
        assertThat(agencies.changes(code)).extracting(AgencyChange::actor).containsExactly("dieuphoi.stttt");
    }
}
