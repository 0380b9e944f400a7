package vn.dvc.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dvc.TestCodes;
import vn.dvc.IntegrationTest;
import vn.dvc.audit.AuditEntries;
import vn.dvc.audit.AuditEntry;
import vn.dvc.audit.AuditVerification;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.dossier.DossierSubmission.Attachment;
import vn.dvc.dossier.DossierSubmission.Submission;
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyAdministration;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.VietnamTime;

@IntegrationTest
class AgencyMergerTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 50));

    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;
    @Autowired DossierTransitions transitions;
    @Autowired Dossiers dossiers;
    @Autowired AgencyAdministration agencies;
    @Autowired AgencyMergers mergers;
    @Autowired AuditEntries audit;
    @Autowired AuditVerification verification;
    @Autowired Clock clock;

    private String agency(String name) {
        String code = TestCodes.provincialAgency();
        return agencies.create(AgencyScope.PROVINCE, new AgencyAdministration.NewAgency(code, AgencyLevel.PROVINCIAL,
                "000.00.00.H21", name, null, LocalDate.of(2020, 1, 1)));
    }

    /** An online procedure of a provincial agency (the fixtures' procedures are communes'). */
    private Procedure procedure(String agency) {
        String code = TestCodes.procedure("9.8");
        var terms = List.of(new vn.dvc.catalogue.ChannelTerms(vn.dvc.catalogue.Channel.ONLINE,
                java.math.BigDecimal.valueOf(5), vn.dvc.catalogue.TimeUnit.WORKING_DAYS, List.of(), null));
        return catalogue.add(new vn.dvc.catalogue.ProcedureContent(code, "Thủ tục thử nghiệm sáp nhập " + code,
                "Thử nghiệm", agency, List.of(new vn.dvc.catalogue.Implementation(AgencyLevel.PROVINCIAL, agency)),
                vn.dvc.catalogue.ServiceLevel.LEVEL_3, vn.dvc.catalogue.OnlineMode.PARTIAL, false, terms,
                List.of(new vn.dvc.catalogue.ComponentCase("Trường hợp chung",
                        List.of(new vn.dvc.catalogue.DossierComponent("Tờ khai", 1, 0, true, null)))),
                null, null, null, null, null, "https://dichvucong.gov.vn/", "Thủ tục thử nghiệm"),
                AgencyScope.PROVINCE, "test");
    }

    private Dossier submit(DossierFixtures fixtures, long applicantId, String username, Procedure p, String agency) {
        return submission.submit(new Submission(applicantId, username, p.code(), agency, 0, DossierFixtures.FORM,
                List.of(new Attachment(0, fixtures.pdf())), null, null)).dossier();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
    }

    @Test
    void openDossiersMoveToTheSuccessorWithTheirCodesTimelinesAndDeadlines() {
        DossierFixtures fixtures = new DossierFixtures(jdbc, catalogue, documents);
        String merged = agency("Sở thử nghiệm sáp nhập " + NEXT.get());
        String successor = agency("Sở thử nghiệm tiếp nhận " + NEXT.get());
        Procedure p = procedure(merged);
        String username = "sap-nhap-" + UUID.randomUUID().toString().substring(0, 8);
        long applicant = fixtures.applicant(username);
        Dossier open = submit(fixtures, applicant, username, p, merged);
        Dossier received = submit(fixtures, applicant, username, p, merged);
        Dossier withdrawn = submit(fixtures, applicant, username, p, merged);
        Instant due = Instant.parse("2026-12-31T10:00:00Z");
        jdbc.sql("update dossier set status = 4, received_at = submitted_at, due_at = ? where id = ?")
                .params(Timestamp.from(due), received.id()).update();
        transitions.withdraw(withdrawn.code(), applicant, username, "không cần nữa");

        agencies.merge(AgencyScope.PROVINCE, merged, agencies.editable(AgencyScope.PROVINCE, merged).version(),
                successor, today());

        Dossier movedOpen = dossiers.findByCode(open.code()).orElseThrow();
        Dossier movedReceived = dossiers.findByCode(received.code()).orElseThrow();
        assertThat(movedOpen.agencyCode()).isEqualTo(successor);
        assertThat(movedReceived.agencyCode()).isEqualTo(successor);
        assertThat(movedReceived.code()).startsWith(merged + "-");
        assertThat(movedReceived.dueAt()).isEqualTo(due);
        assertThat(movedReceived.receivedAt()).isEqualTo(received.submittedAt().truncatedTo(ChronoUnit.MICROS));
        assertThat(movedReceived.status()).isEqualTo(DossierStatus.IN_PROGRESS);
        assertThat(dossiers.timeline(open.id())).extracting(Dossiers.TimelineEntry::kind)
                .containsExactly("SUBMITTED", "TRANSFERRED");
        assertThat(dossiers.timeline(open.id()).get(1).message()).isEqualTo(merged + " → " + successor);
        assertThat(dossiers.findByCode(withdrawn.code()).orElseThrow().agencyCode()).isEqualTo(merged);
        assertThat(dossiers.timeline(withdrawn.id())).extracting(Dossiers.TimelineEntry::kind)
                .containsExactly("SUBMITTED", "WITHDRAWN");

        // The successor's officers find them; the audit trail has the move.
        assertThat(dossiers.findAtAgency(open.code(), successor)).isPresent();
        assertThat(dossiers.findAtAgency(open.code(), merged)).isEmpty();
        List<AuditEntry> trail = audit.of(received.code());
        assertThat(trail).extracting(AuditEntry::action).containsExactly("DOSSIER_SUBMITTED", "DOSSIER_TRANSFERRED");
        assertThat(trail.get(1).details()).isEqualTo(
                "{\"fromAgency\":\"" + merged + "\",\"reason\":\"AGENCY_MERGED\",\"toAgency\":\"" + successor + "\"}");
        assertThat(trail.get(1).agencyCode()).isEqualTo(successor);
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void theSweepMovesDossiersLeftAtAnAgencyWhoseMergerHasTakenEffect() {
        DossierFixtures fixtures = new DossierFixtures(jdbc, catalogue, documents);
        String merged = agency("Sở thử nghiệm sáp nhập muộn " + NEXT.get());
        String successor = agency("Sở thử nghiệm kế thừa " + NEXT.get());
        Procedure p = procedure(successor);
        String username = "quet-" + UUID.randomUUID().toString().substring(0, 8);
        long applicant = fixtures.applicant(username);
        Dossier d = submit(fixtures, applicant, username, p, successor);
        agencies.merge(AgencyScope.PROVINCE, merged, agencies.editable(AgencyScope.PROVINCE, merged).version(),
                successor, today());
        // As if the merger had been recorded ahead of its date: the dossier is still at the merged agency.
        jdbc.sql("update dossier set agency_code = ? where id = ?").params(merged, d.id()).update();

        assertThat(mergers.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(dossiers.findByCode(d.code()).orElseThrow().agencyCode()).isEqualTo(successor);
        assertThat(dossiers.timeline(d.id())).extracting(Dossiers.TimelineEntry::kind)
                .containsExactly("SUBMITTED", "TRANSFERRED");
    }
}
