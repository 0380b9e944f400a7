package vn.dvc.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.mail.internet.MimeMessage;
import vn.dvc.IntegrationTest;
import vn.dvc.TestMail;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.dossier.DossierSubmission.Attachment;
import vn.dvc.dossier.DossierSubmission.Submission;
import vn.dvc.dossier.DossierSubmission.Submitted;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;

@IntegrationTest
class DossierSubmissionTest {

    @Autowired DossierSubmission submission;
    @Autowired DossierTransitions transitions;
    @Autowired Dossiers dossiers;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Agencies agencies;
    @Autowired JdbcClient jdbc;
    @Autowired vn.dvc.document.Documents documents;

    DossierFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new DossierFixtures(jdbc, catalogue, documents);
    }

    String commune(int index) {
        List<vn.dvc.organisation.Agency> communes = agencies.active(AgencyLevel.COMMUNE);
        return communes.get(communes.size() - 1 - index).code();
    }

    UUID pdf;

    Submission submissionOf(long applicant, Procedure procedure, String key) {
        if (pdf == null) {
            pdf = fixtures.pdf();
        }
        return new Submission(applicant, "test", procedure.code(), null, 0, DossierFixtures.FORM,
                List.of(new Attachment(0, pdf)), null, key);
    }

    @Test
    void aSubmissionGetsACircular01CodeStatusOneATimelineAndAnAcknowledgement() throws Exception {
        String agency = commune(1);
        String username = "nopho-" + UUID.randomUUID().toString().substring(0, 8);
        long applicant = fixtures.applicant(username);
        Procedure procedure = fixtures.onlineProcedure(agency);

        Submitted result = submission.submit(submissionOf(applicant, procedure, null));

        Dossier d = result.dossier();
        assertThat(result.repeated()).isFalse();
        assertThat(d.code()).matches("^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}-\\d{6}-\\d{4}$").startsWith(agency + "-");
        assertThat(d.status()).isEqualTo(DossierStatus.NEWLY_SUBMITTED);
        assertThat(d.procedureVersionId()).isEqualTo(procedure.versionId());
        assertThat(dossiers.timeline(d.id())).extracting(Dossiers.TimelineEntry::kind).containsExactly("SUBMITTED");
        assertThat(dossiers.documents(d.id())).extracting(Dossiers.DossierDocument::componentName)
                .containsExactly("Tờ khai");
        List<MimeMessage> mails = TestMail.awaitMessagesTo(username + "@example.vn", 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains(d.code());
        assertThat(TestMail.text(mails.get(0))).contains(d.code()).contains("/dossiers/" + d.code())
                .doesNotContain("Xin cấp bản sao");
    }

    @Test
    void theSameIdempotencyKeyCreatesOneDossier() {
        long applicant = fixtures.applicant("lap-" + UUID.randomUUID().toString().substring(0, 8));
        Procedure procedure = fixtures.onlineProcedure(commune(2));
        String key = UUID.randomUUID().toString();

        Submitted first = submission.submit(submissionOf(applicant, procedure, key));
        Submitted second = submission.submit(submissionOf(applicant, procedure, key));

        assertThat(second.repeated()).isTrue();
        assertThat(second.dossier().code()).isEqualTo(first.dossier().code());
        assertThat(dossiers.mine(applicant, 0, 10).total()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOneDossierAndOnlyTheSameRequestIsAnsweredWithIt() throws Exception {
        long applicant = fixtures.applicant("dong-thoi-" + UUID.randomUUID().toString().substring(0, 8));
        Procedure procedure = fixtures.onlineProcedure(commune(7));
        String key = UUID.randomUUID().toString();
        Submission one = submissionOf(applicant, procedure, key);
        Submission other = new Submission(applicant, "test", procedure.code(), null, 0,
                DossierFixtures.FORM.replace("Xin cấp bản sao", "Xin cấp hai bản sao"), one.attachments(), null, key);
        int count = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Submission sent = i % 2 == 0 ? one : other;
                answers.add(pool.submit(() -> {
                    start.await();
                    try {
                        return (sent == one ? "one " : "other ") + submission.submit(sent).dossier().code();
                    } catch (IdempotencyKeyReusedException reused) {
                        return (sent == one ? "one " : "other ") + "refused";
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> answer : answers) {
                results.add(answer.get());
            }
            List<String> made = dossiers.mine(applicant, 0, 10).items().stream().map(Dossier::code).toList();
            assertThat(made).hasSize(1);
            // Whichever request came first made the dossier; the same request is answered with it, the other refused.
            String winner = results.stream().filter(r -> !r.endsWith("refused")).findFirst().orElseThrow().split(" ")[0];
            String loser = winner.equals("one") ? "other" : "one";
            assertThat(results).containsOnly(winner + " " + made.get(0), loser + " refused");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDossierMadeBeforeFingerprintsAnswersAnyRepeatOfItsKey() {
        long applicant = fixtures.applicant("truoc-" + UUID.randomUUID().toString().substring(0, 8));
        Procedure procedure = fixtures.onlineProcedure(commune(8));
        String key = UUID.randomUUID().toString();
        Submitted first = submission.submit(submissionOf(applicant, procedure, key));
        Submission changed = new Submission(applicant, "test", procedure.code(), null, 0,
                DossierFixtures.FORM.replace("Xin cấp bản sao", "Xin cấp hai bản sao"),
                submissionOf(applicant, procedure, key).attachments(), null, key);
        assertThatThrownBy(() -> submission.submit(changed)).isInstanceOf(IdempotencyKeyReusedException.class);

        jdbc.sql("update dossier set request_fingerprint = null where id = ?").param(first.dossier().id()).update();

        Submitted again = submission.submit(changed);
        assertThat(again.repeated()).isTrue();
        assertThat(again.dossier().code()).isEqualTo(first.dossier().code());
        assertThat(dossiers.mine(applicant, 0, 10).total()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithEveryProblemAndNothingIsSavedOrNumbered() {
        String agency = commune(3);
        long applicant = fixtures.applicant("sai-" + UUID.randomUUID().toString().substring(0, 8));
        Procedure procedure = fixtures.onlineProcedure(agency);
        long sequencesBefore = jdbc.sql("select count(*) from dossier_sequence where agency_code = ?").param(agency)
                .query(Long.class).single();

        Submission bad = new Submission(applicant, "test", procedure.code(), "000.00.03.H21", 0, "[1, 2]",
                List.of(new Attachment(5, UUID.randomUUID())), new Representation("", "12", ""), null);

        assertThatThrownBy(() -> submission.submit(bad)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldProblems()).extracting(f -> f.messageKey()).containsExactlyInAnyOrder(
                        "dossier.agency.not-receiving", "dossier.form.not-object", "dossier.document.unknown",
                        "dossier.component.unknown",
                        "dossier.component.missing", "dossier.representation.name-required",
                        "dossier.representation.id-invalid", "dossier.representation.authorisation-required"));
        assertThat(dossiers.mine(applicant, 0, 10).total()).isZero();
        assertThat(jdbc.sql("select count(*) from dossier_sequence where agency_code = ?").param(agency)
                .query(Long.class).single()).isEqualTo(sequencesBefore);
    }

    @Test
    void aComponentAcceptsOnlyItsOwnFileTypesAndSize() throws Exception {
        long applicant = fixtures.applicant("loai-tep-" + UUID.randomUUID().toString().substring(0, 8));
        Procedure procedure = fixtures.onlineProcedure(commune(6), List.of(new vn.dvc.catalogue.DossierComponent(
                "Ảnh chân dung", 1, 0, true, null, List.of("JPEG", "PNG"), 1)));
        Submission s = new Submission(applicant, "test", procedure.code(), null, 0, DossierFixtures.FORM, List.of(),
                null, null);
        byte[] jpeg = new byte[2048];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        jpeg[3] = (byte) 0xE0;

        assertThatThrownBy(() -> submission.submit(s, List.of(new DossierSubmission.Upload(0, "anh.pdf",
                new org.springframework.core.io.ByteArrayResource(DossierFixtures.pdfBytes())))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> submission.submit(s, List.of(new DossierSubmission.Upload(0, "anh-lon.jpg",
                new org.springframework.core.io.ByteArrayResource(java.util.Arrays.copyOf(jpeg, 1024 * 1024 + 1))))))
                .isInstanceOf(InvalidInputException.class);
        Dossier d = submission.submit(s, List.of(new DossierSubmission.Upload(0, "anh.jpg",
                new org.springframework.core.io.ByteArrayResource(jpeg)))).dossier();
        assertThat(dossiers.documents(d.id())).hasSize(1);
    }

    @Test
    void aSubmissionOnBehalfOfSomeoneElseIsRecordedAsSuch() {
        long applicant = fixtures.applicant("thay-" + UUID.randomUUID().toString().substring(0, 8));
        Procedure procedure = fixtures.onlineProcedure(commune(4));
        Submission s = new Submission(applicant, "test", procedure.code(), null, 0, DossierFixtures.FORM,
                List.of(new Attachment(0, fixtures.pdf())),
                new Representation("Nguyễn Văn Được", "064090001234", "Giấy ủy quyền số 12/UQ"), null);

        Dossier d = submission.submit(s).dossier();

        assertThat(d.onBehalf()).isTrue();
        assertThat(d.representation().representedName()).isEqualTo("Nguyễn Văn Được");

        // The page's limits hold on the server too: a longer name or authorisation is refused, nothing made.
        long before = dossiers.mine(applicant, 0, 100).total();
        for (Representation tooLong : List.of(new Representation("Được".repeat(26), "064090001234", "Giấy ủy quyền"),
                new Representation("Nguyễn Văn Được", "064090001234", "Giấy ủy quyền số 12/UQ ".repeat(14)))) {
            Submission refused = new Submission(applicant, "test", procedure.code(), null, 0, DossierFixtures.FORM,
                    List.of(new Attachment(0, fixtures.pdf())), tooLong, null);
            assertThatThrownBy(() -> submission.submit(refused)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).fieldProblems()).extracting(FieldProblem::messageKey)
                            .containsAnyOf("dossier.representation.name-too-long",
                                    "dossier.representation.authorisation-too-long"));
        }
        assertThat(dossiers.mine(applicant, 0, 100).total()).isEqualTo(before);
    }

    @Test
    void theRepresentedPersonHasAPersonsNameStoredComposedAndAnOrganisationItsOwnName() {
        long applicant = fixtures.applicant("thay-ten-" + UUID.randomUUID().toString().substring(0, 8));
        Procedure procedure = fixtures.onlineProcedure(commune(4));
        java.util.function.Function<Representation, Submission> onBehalf = rep -> new Submission(applicant, "test",
                procedure.code(), null, 0, DossierFixtures.FORM, List.of(new Attachment(0, fixtures.pdf())), rep, null);
        long before = dossiers.mine(applicant, 0, 100).total();
        for (String name : List.of("Nguyễn Văn Được 😀", "Nguyễn Văn 2", "Lê <Văn>", "N")) {
            assertThatThrownBy(() -> submission.submit(onBehalf.apply(
                    new Representation(name, "064090001234", "Giấy ủy quyền số 12/UQ"))))
                    .as(name).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).fieldProblems())
                            .extracting(FieldProblem::field).containsExactly("representedName"));
        }
        assertThat(dossiers.mine(applicant, 0, 100).total()).isEqualTo(before);

        String decomposed = java.text.Normalizer.normalize(" Nguyễn   Thị Ánh ", java.text.Normalizer.Form.NFD);
        Dossier person = submission.submit(onBehalf.apply(
                new Representation(decomposed, "064090001234", "Giấy ủy quyền số 12/UQ"))).dossier();
        assertThat(person.representation().representedName()).isEqualTo("Nguyễn Thị Ánh");
        // A tax code: the represented party is an organisation, whose name may hold digits.
        Dossier company = submission.submit(onBehalf.apply(
                new Representation("Công ty TNHH 3A Gia Lai", "0100233488", "Giấy ủy quyền số 13/UQ"))).dossier();
        assertThat(company.representation().representedName()).isEqualTo("Công ty TNHH 3A Gia Lai");
    }

    @Test
    void twoHundredParallelSubmissionsToOneAgencyGetTwoHundredConsecutiveNumbers() throws Exception {
        String agency = commune(0);
        long applicant = fixtures.applicant("song-song-" + UUID.randomUUID().toString().substring(0, 8));
        Procedure procedure = fixtures.onlineProcedure(agency);
        int count = 200;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<String>> codes = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Callable<String> task = () -> {
                    start.await();
                    return submission.submit(submissionOf(applicant, procedure, null)).dossier().code();
                };
                codes.add(pool.submit(task));
            }
            start.countDown();
            Set<String> unique = new TreeSet<>();
            for (Future<String> code : codes) {
                unique.add(code.get());
            }
            assertThat(unique).hasSize(count);
            List<Integer> numbers = unique.stream().map(c -> Integer.parseInt(c.substring(c.length() - 4))).sorted()
                    .toList();
            assertThat(numbers.get(count - 1) - numbers.get(0)).isEqualTo(count - 1); // consecutive, no gaps
            assertThat(unique).allMatch(c -> c.startsWith(agency + "-") && DossierCodes.wellFormed(c));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theApplicantWithdrawsAndCannotWithdrawTwice() {
        long applicant = fixtures.applicant("rut-" + UUID.randomUUID().toString().substring(0, 8));
        Procedure procedure = fixtures.onlineProcedure(commune(5));
        Dossier d = submission.submit(submissionOf(applicant, procedure, null)).dossier();

        Dossier withdrawn = transitions.withdraw(d.code(), applicant, "test", "Nộp nhầm thủ tục");

        assertThat(withdrawn.status()).isEqualTo(DossierStatus.WITHDRAWN);
        assertThatThrownBy(() -> transitions.withdraw(d.code(), applicant, "test", null))
                .isInstanceOf(vn.dvc.shared.ConflictException.class);
        long tooLong = fixtures.applicant("dai-" + UUID.randomUUID().toString().substring(0, 8));
        Dossier open = submission.submit(submissionOf(tooLong, procedure, null)).dossier();
        assertThatThrownBy(() -> transitions.withdraw(open.code(), tooLong, "test",
                "x".repeat(DossierTransitions.WITHDRAW_REASON_MAX + 1)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(dossiers.findByCode(open.code()).orElseThrow().status()).isEqualTo(DossierStatus.NEWLY_SUBMITTED);
        long other = fixtures.applicant("khac-" + UUID.randomUUID().toString().substring(0, 8));
        assertThatThrownBy(() -> transitions.withdraw(d.code(), other, "test", null))
                .isInstanceOf(vn.dvc.shared.NotFoundException.class);
    }
}
