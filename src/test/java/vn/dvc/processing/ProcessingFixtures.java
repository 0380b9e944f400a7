package vn.dvc.processing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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

/** Test data of the processing tests: procedures of the Department of Justice, online dossiers, officers. */
final class ProcessingFixtures {

    static final String JUSTICE = "000.00.03.H21";
    static final String PLEIKU = "000.00.30.H21";
    static final String FORM = "{\"requestSummary\":\"Xin cấp phiếu lý lịch tư pháp\",\"contactName\":\"Nguyễn Văn Xử\","
            + "\"phone\":\"0912345678\",\"address\":\"12 Hùng Vương, Pleiku\"}";

    private final JdbcClient jdbc;
    private final ProcedureCatalogue catalogue;
    private final Documents documents;
    private final DossierSubmission submission;

    ProcessingFixtures(JdbcClient jdbc, ProcedureCatalogue catalogue, Documents documents,
            DossierSubmission submission) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.documents = documents;
        this.submission = submission;
    }

    /** A procedure of the agency, processed in {@code days} working days online and at the counter. */
    Procedure procedure(String agency, int days) {
        String code = TestCodes.procedure("9.8");
        BigDecimal time = BigDecimal.valueOf(days);
        ProcedureContent content = new ProcedureContent(code, "Thủ tục xử lý thử nghiệm " + code, "Thử nghiệm", agency,
                List.of(new Implementation(AgencyLevel.PROVINCIAL, agency)), ServiceLevel.LEVEL_3, OnlineMode.PARTIAL,
                false,
                List.of(new ChannelTerms(Channel.DIRECT, time, TimeUnit.WORKING_DAYS, List.of(), null),
                        new ChannelTerms(Channel.ONLINE, time, TimeUnit.WORKING_DAYS, List.of(), null)),
                List.of(new ComponentCase("Trường hợp chung", List.of(
                        new DossierComponent("Tờ khai", 1, 0, true, null)))),
                null, null, null, null, null, "https://dichvucong.gov.vn/", "Thủ tục thử nghiệm");
        return catalogue.add(content, AgencyScope.PROVINCE, "test");
    }

    /** A dossier submitted online to the procedure's agency by a new applicant. */
    Dossier dossier(Procedure procedure) {
        String username = unique("xu-ly");
        long applicant = TestApplicants.create(jdbc, username);
        return submission.submit(new Submission(applicant, username, procedure.code(), procedure.content().leadAgencyCode(),
                0, FORM, List.of(new Attachment(0, pdf())), null, null)).dossier();
    }

    /** A new enabled officer of the agency with the role; answers the username. */
    String officer(String agency, String role, String fullName) {
        String username = unique("cb");
        long id = jdbc.sql("""
                insert into account(username, password_hash, full_name, agency_code) values (?, '{noop}x', ?, ?)
                returning id""").params(username, fullName, agency).query(Long.class).single();
        jdbc.sql("insert into account_role(account_id, role) values (?, ?)").params(id, role).update();
        return username;
    }

    UUID pdf() {
        try (InputStream in = new ClassPathResource("document/giay-to-demo.pdf").getInputStream()) {
            return documents.store("file", "to-khai.pdf", in, UploadRules.defaults()).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdfBytes() {
        try (InputStream in = new ClassPathResource("document/giay-to-demo.pdf").getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
