package vn.dvc.payment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dvc.TestCodes;
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
import vn.dvc.form.FieldType;
import vn.dvc.form.FormDefinition;
import vn.dvc.form.FormField;
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyLevel;

/** Test data of the payment tests: applicants and their dossiers under procedures with an online fee. */
final class PaymentFixtures {


    static final String FORM = "{\"requestSummary\":\"Xin cấp bản sao\",\"contactName\":\"Trần Thị Trả Tiền\","
            + "\"phone\":\"0912345678\",\"address\":\"12 Hùng Vương, Pleiku\"}";

    private final JdbcClient jdbc;
    private final ProcedureCatalogue catalogue;
    private final Documents documents;
    private final DossierSubmission submission;

    private final tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

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
        String code = TestCodes.procedure("9.8");
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

    /**
     * A dossier under a new procedure implemented by {@code agencyCode} at {@code level}, with these fees per
     * channel and legal basis; {@code choices} non-empty adds a SELECT field {@code feeItem} with these option
     * values to the procedure's e-form (generic fields + the choice), answered with {@code chosen}.
     */
    Dossier dossier(long applicantId, String username, String agencyCode, AgencyLevel level, List<Fee> directFees,
            List<Fee> onlineFees, String legalBasis, List<String> choices, String chosen) {
        String code = TestCodes.procedure("9.6");
        ProcedureContent content = new ProcedureContent(code, "Thủ tục thử nghiệm phí " + code, "Thử nghiệm",
                "000.00.03.H21", List.of(new Implementation(level, agencyCode)), ServiceLevel.LEVEL_4,
                OnlineMode.FULL, false,
                List.of(new ChannelTerms(Channel.DIRECT, BigDecimal.valueOf(5), TimeUnit.WORKING_DAYS, directFees, null),
                        new ChannelTerms(Channel.ONLINE, BigDecimal.valueOf(5), TimeUnit.WORKING_DAYS, onlineFees, null)),
                List.of(new ComponentCase("Trường hợp chung", List.of(new DossierComponent("Tờ khai", 1, 0, true, null)))),
                null, null, null, legalBasis, null, "https://dichvucong.gov.vn/", "Thủ tục thử nghiệm");
        Procedure procedure = catalogue.add(content, AgencyScope.PROVINCE, "test");
        String form = FORM;
        if (!choices.isEmpty()) {
            FormField.Builder choice = FormField.builder("feeItem", FieldType.SELECT, "Loại yêu cầu").required();
            choices.forEach(c -> choice.option(c, "Lựa chọn " + c));
            List<FormField> fields = new java.util.ArrayList<>(FormDefinition.generic().fields());
            fields.add(choice.build());
            jdbc.sql("""
                    insert into form_definition(procedure_version_id, definition, updated_by, updated_at)
                    values (?, ?::jsonb, 'test', now())""")
                    .params(procedure.versionId(), json.writeValueAsString(new FormDefinition(fields))).update();
            form = FORM.substring(0, FORM.length() - 1) + ",\"feeItem\":\"" + chosen + "\"}";
        }
        return submission.submit(new Submission(applicantId, username, procedure.code(), agencyCode, 0, form,
                List.of(new Attachment(0, pdf())), null, null)).dossier();
    }

    private UUID pdf() {
        try (InputStream in = new ClassPathResource("document/giay-to-demo.pdf").getInputStream()) {
            return documents.store("file", "to-khai.pdf", in, UploadRules.defaults()).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
