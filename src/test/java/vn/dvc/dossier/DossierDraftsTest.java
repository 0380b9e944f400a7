package vn.dvc.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.dossier.DossierDrafts.Draft;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.ConflictException;

@IntegrationTest
class DossierDraftsTest {

    @Autowired DossierDrafts drafts;
    @Autowired DossierSubmission submission;
    @Autowired Dossiers dossiers;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Agencies agencies;
    @Autowired JdbcClient jdbc;
    @Autowired vn.dvc.document.Documents documents;

    DossierFixtures fixtures;
    long applicant;
    Procedure procedure;

    @BeforeEach
    void setUp() {
        fixtures = new DossierFixtures(jdbc, catalogue, documents);
        applicant = fixtures.applicant("nhap-" + UUID.randomUUID().toString().substring(0, 8));
        List<vn.dvc.organisation.Agency> communes = agencies.active(AgencyLevel.COMMUNE);
        procedure = fixtures.onlineProcedure(communes.get(communes.size() - 15).code());
    }

    @Test
    void aDraftIsSavedAndResumedAndAStalePageCannotOverwriteIt() {
        Draft draft = drafts.start(applicant, procedure.code(), "{\"hoTen\":\"Phạm Thị A\"}");

        Draft saved = drafts.save(draft.id(), applicant, draft.version(), null, 0, "{\"hoTen\":\"Phạm Thị An\"}", null);

        assertThat(drafts.find(draft.id(), applicant)).get().extracting(Draft::formJson).asString().contains("Phạm Thị An");
        assertThat(saved.version()).isEqualTo(draft.version() + 1);
        // A second device still showing the first version.
        assertThatThrownBy(() -> drafts.save(draft.id(), applicant, draft.version(), null, 0, "{}", null))
                .isInstanceOf(ConflictException.class);
        assertThat(drafts.find(draft.id(), applicant).orElseThrow().formJson()).contains("Phạm Thị An");
        long other = fixtures.applicant("nhap-khac-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(drafts.find(draft.id(), other)).isEmpty();
    }

    @Test
    void submittingADraftCreatesOneDossierAndRemovesTheDraftEvenWhenRepeated() {
        Draft draft = drafts.start(applicant, procedure.code(), DossierFixtures.FORM);
        drafts.attach(draft.id(), applicant, 0, "Tờ khai", fixtures.pdf());
        Draft current = drafts.find(draft.id(), applicant).orElseThrow();

        DossierSubmission.Submitted first = submission.submit(drafts.submission(current, "test"));
        DossierSubmission.Submitted again = submission.submit(drafts.submission(current, "test"));

        assertThat(again.repeated()).isTrue();
        assertThat(again.dossier().code()).isEqualTo(first.dossier().code());
        assertThat(drafts.find(draft.id(), applicant)).isEmpty();
        assertThat(dossiers.documents(first.dossier().id())).hasSize(1);
    }

    @Test
    void aDraftWithoutTheRequiredComponentIsNotSubmittedAndStays() {
        Draft draft = drafts.start(applicant, procedure.code(), "{}");
        assertThatThrownBy(() -> submission.submit(drafts.submission(draft, "test")))
                .isInstanceOf(vn.dvc.shared.InvalidInputException.class);
        assertThat(drafts.find(draft.id(), applicant)).isPresent();
        assertThat(dossiers.mine(applicant, 0, 5).total()).isZero();
    }
}
