package vn.dvc.payment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dvc.catalogue.Channel;
import vn.dvc.catalogue.ChannelTerms;
import vn.dvc.catalogue.ComponentCase;
import vn.dvc.catalogue.DossierComponent;
import vn.dvc.catalogue.Fee;
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

/** Test data of the payment tests: applicants and their dossiers under procedures with an online fee. */
final class PaymentFixtures {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 9000));

    static final String FORM = "{\"requestSummary\":\"Xin cấp bản sao\",\"contactName\":\"Trần Thị Trả Tiền\","
            + "\"phone\":\"0912345678\",\"address\":\"12 Hùng Vương, Pleiku\"}";

    private final JdbcClient jdbc;
    private final ProcedureCatalogue catalogue;
    private final Documents documents;
    private final DossierSubmission submission;

    PaymentFixtures(JdbcClient jdbc, ProcedureCatalogue catalogue, Documents documents, DossierSubmission submission) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.documents = documents;
        this.submission = submission;
    }

    /** A new applicant with a verified e-mail address ({@code username@example.vn}); answers its id. */
    long applicant(String username) {
        return vn.dvc.TestApplicants.create(jdbc, username);
    }

    /** A dossier of this applicant under a new online procedure whose ONLINE channel costs {@code feeVnd} (0: free). */
    Dossier dossier(long applicantId, String username, String agencyCode, long feeVnd) {
        Procedure procedure = procedure(agencyCode, feeVnd);
        return submission.submit(new Submission(applicantId, username, procedure.code(), null, 0, FORM,
                List.of(new Attachment(0, pdf())), null, null)).dossier();
    }

    private Procedure procedure(String agencyCode, long feeVnd) {
        String code = "9.8" + String.format("%05d", NEXT.incrementAndGet() % 100_000);
        List<Fee> fees = feeVnd == 0 ? List.of() : List.of(new Fee(feeVnd, "Lệ phí thử nghiệm"));
        ProcedureContent content = new ProcedureContent(code, "Thủ tục thử nghiệm thanh toán " + code, "Thử nghiệm",
                "000.00.03.H21", List.of(new Implementation(AgencyLevel.COMMUNE, agencyCode)), ServiceLevel.LEVEL_3,
                OnlineMode.PARTIAL, false,
                List.of(new ChannelTerms(Channel.DIRECT, BigDecimal.valueOf(5), TimeUnit.WORKING_DAYS, fees, null),
                        new ChannelTerms(Channel.ONLINE, BigDecimal.valueOf(5), TimeUnit.WORKING_DAYS, fees, null)),
                List.of(new ComponentCase("Trường hợp chung", List.of(new DossierComponent("Tờ khai", 1, 0, true, null)))),
                null, null, null, null, null, "https://dichvucong.gov.vn/", "Thủ tục thử nghiệm");
        return catalogue.add(content, AgencyScope.PROVINCE, "test");
    }

    private UUID pdf() {
        try (InputStream in = new ClassPathResource("document/giay-to-demo.pdf").getInputStream()) {
            return documents.store("file", "to-khai.pdf", in, UploadRules.defaults()).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
