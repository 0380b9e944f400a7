package vn.dvc.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dvc.TestCodes;
import vn.dvc.TestApplicants;
import vn.dvc.catalogue.Channel;
import vn.dvc.catalogue.ChannelTerms;
import vn.dvc.catalogue.ComponentCase;
import vn.dvc.catalogue.DossierComponent;
import vn.dvc.catalogue.Implementation;
import vn.dvc.catalogue.OnlineMode;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.catalogue.ProcedureContent;
import vn.dvc.catalogue.ServiceLevel;
import vn.dvc.catalogue.TimeUnit;
import vn.dvc.document.Documents;
import vn.dvc.document.UploadRules;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.DossierSubmission.Attachment;
import vn.dvc.dossier.DossierSubmission.Submission;
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.VietnamTime;

/**
 * Test data of the deadline tests: online dossiers of the Department of Justice, put into the status a test needs
 * by SQL (test code only: the steps between reception and a finished result belong to the processing module).
 */
final class DeadlineFixtures {

    static final String JUSTICE = "000.00.03.H21";
    static final String PLEIKU = "000.00.30.H21";
    static final String FORM = "{\"requestSummary\":\"Xin cấp phiếu lý lịch tư pháp\",\"contactName\":\"Nguyễn Văn Hạn\","
            + "\"phone\":\"0912345678\",\"address\":\"12 Hùng Vương, Pleiku\"}";

    private final JdbcClient jdbc;
    private final ProcedureCatalogue catalogue;
    private final Documents documents;
    private final DossierSubmission submission;

    DeadlineFixtures(JdbcClient jdbc, ProcedureCatalogue catalogue, Documents documents, DossierSubmission submission) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.documents = documents;
        this.submission = submission;
    }

    /** A submitted dossier (status 1) of a new applicant {@code username}. */
    Dossier submitted(String username) {
        long applicant = TestApplicants.create(jdbc, username);
        String code = TestCodes.procedure("9.6");
        ProcedureContent content = new ProcedureContent(code, "Cấp phiếu lý lịch tư pháp hạn " + code, "Thử nghiệm",
                JUSTICE, List.of(new Implementation(AgencyLevel.PROVINCIAL, JUSTICE)), ServiceLevel.LEVEL_3,
                OnlineMode.PARTIAL, false,
                List.of(new ChannelTerms(Channel.ONLINE, BigDecimal.valueOf(5), TimeUnit.WORKING_DAYS, List.of(), null)),
                List.of(new ComponentCase("Trường hợp chung", List.of(
                        new DossierComponent("Tờ khai yêu cầu cấp phiếu", 1, 0, true, null)))),
                null, null, null, null, null, "https://dichvucong.gov.vn/", "Thủ tục thử nghiệm");
        Procedure procedure = catalogue.add(content, AgencyScope.PROVINCE, "test");
        return submission.submit(new Submission(applicant, username, procedure.code(), JUSTICE, 0, FORM,
                List.of(new Attachment(0, pdf())), null, null)).dossier();
    }

    /** The dossier received at {@code receivedAt} and in processing (status 4), due at {@code dueAt}. */
    void inProcessing(Dossier d, Instant receivedAt, Instant dueAt) {
        jdbc.sql("update dossier set status = 4, received_at = ?, due_at = ? where id = ?")
                .params(Timestamp.from(receivedAt), Timestamp.from(dueAt), d.id()).update();
        jdbc.sql("""
                insert into dossier_event(dossier_id, occurred_at, actor, kind, from_status, to_status)
                values (?, ?, 'tiepnhan.stp', 'RECEIVED', 1, 4)""").params(d.id(), Timestamp.from(receivedAt)).update();
    }

    /** The dossier finished (status 9) at {@code finishedAt}, as the processing module will leave it. */
    void finished(Dossier d, Instant receivedAt, Instant dueAt, Instant finishedAt) {
        inProcessing(d, receivedAt, dueAt);
        jdbc.sql("update dossier set status = 9, finished_at = ? where id = ?")
                .params(Timestamp.from(finishedAt), d.id()).update();
    }

    /** A new officer of the agency with an e-mail address and these roles; answers the address. */
    String officer(String username, String agency, String... roles) {
        long id = jdbc.sql("""
                insert into account(username, password_hash, full_name, email, agency_code)
                values (?, '{noop}x', ?, ?, ?) returning id""")
                .params(username, "Cán bộ " + username, username + "@example.vn", agency).query(Long.class).single();
        for (String role : roles) {
            jdbc.sql("insert into account_role(account_id, role) values (?, ?)").params(id, role).update();
        }
        return username + "@example.vn";
    }

    /** The mails queued in the outbox for this address whose subject or body names the text. */
    int queuedMails(String address, String text) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = ? and (subject like ? or body like ?)")
                .params(address, "%" + text + "%", "%" + text + "%").query(Integer.class).single();
    }

    static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(VietnamTime.ZONE).toInstant();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private UUID pdf() {
        try (InputStream in = new ClassPathResource("document/giay-to-demo.pdf").getInputStream()) {
            return documents.store("file", "to-khai.pdf", in, UploadRules.defaults()).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a PDF as pdftotext reads it, whitespace folded. */
    static String pdfText(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("han-", ".pdf");
        Path out = Files.createTempFile("han-", ".txt");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), out.toString())
                    .redirectErrorStream(true).start();
            assertThat(process.waitFor()).isZero();
            // NFKC: pdftotext prints the ligatures it finds (ﬀ for ff in a username)
            return java.text.Normalizer.normalize(Files.readString(out), java.text.Normalizer.Form.NFKC)
                    .replaceAll("\\s+", " ");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(out);
        }
    }

    /** The page size of the first page of a PDF, in points (width, height). */
    static float[] pageSize(byte[] pdf) throws IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var box = document.getPage(0).getMediaBox();
            return new float[] {box.getWidth(), box.getHeight()};
        }
    }
}
