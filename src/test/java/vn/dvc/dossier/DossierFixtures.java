package vn.dvc.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvc.TestCodes;
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
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyLevel;

/** Test data of the dossier tests: applicants and online procedures of their own. */
final class DossierFixtures {


    private final JdbcClient jdbc;
    private final ProcedureCatalogue catalogue;
    private final Documents documents;

    DossierFixtures(JdbcClient jdbc, ProcedureCatalogue catalogue, Documents documents) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.documents = documents;
    }

    /** A real one-page PDF, stored: its document id. */
    UUID pdf() {
        try (InputStream in = new ClassPathResource("document/giay-to-demo.pdf").getInputStream()) {
            return documents.store("file", "to-khai.pdf", in, UploadRules.defaults()).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdfBytes() throws IOException {
        try (InputStream in = new ClassPathResource("document/giay-to-demo.pdf").getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** Answers that pass the generic e-form (the fixture procedures have no form of their own). */
    static final String FORM = "{\"requestSummary\":\"Xin cấp bản sao\",\"contactName\":\"Trần Thị Bí Mật\","
            + "\"phone\":\"0912345678\",\"address\":\"12 Hùng Vương, Pleiku\"}";

    /** An applicant of the tests and the dossier they submitted online. */
    record Submitted(String username, long applicantId, Dossier dossier) {
    }

    /**
     * A new applicant ({@code prefix} and a random part) who submits a dossier online, with one stored PDF for
     * the required component and the given representation (or none), to a fixture procedure received by the
     * active commune {@code communeFromEnd} places from the end of the list (tests pick different ones).
     */
    Submitted submitted(DossierSubmission submission, vn.dvc.organisation.Agencies agencies, String prefix,
            int communeFromEnd, Representation representation) {
        String username = prefix + UUID.randomUUID().toString().substring(0, 8);
        long applicantId = applicant(username);
        List<vn.dvc.organisation.Agency> communes = agencies.active(AgencyLevel.COMMUNE);
        Procedure procedure = onlineProcedure(communes.get(communes.size() - communeFromEnd).code());
        Dossier dossier = submission.submit(new DossierSubmission.Submission(applicantId, username, procedure.code(),
                null, 0, FORM, List.of(new DossierSubmission.Attachment(0, pdf())), representation, null)).dossier();
        return new Submitted(username, applicantId, dossier);
    }

    /** A new applicant with a verified e-mail address ({@code username@example.vn}); answers its id. */
    long applicant(String username) {
        return vn.dvc.TestApplicants.create(jdbc, username);
    }

    /**
     * A level-3 procedure submitted online to exactly the given agency, with one case of two
     * components: the first required, the second optional.
     */
    Procedure onlineProcedure(String agencyCode) {
        return onlineProcedure(agencyCode, List.of(new DossierComponent("Tờ khai", 1, 0, true, null),
                new DossierComponent("Giấy tờ khác (nếu có)", 0, 1, false, null)));
    }

    /** A level-3 procedure received online by exactly the given agency, with one case of these components. */
    Procedure onlineProcedure(String agencyCode, List<DossierComponent> components) {
        String code = TestCodes.procedure("9.9");
        List<vn.dvc.catalogue.Fee> fees = List.of();
        ProcedureContent content = new ProcedureContent(code, "Thủ tục thử nghiệm nộp hồ sơ " + code, "Thử nghiệm",
                "000.00.03.H21", List.of(new Implementation(AgencyLevel.COMMUNE, agencyCode)), ServiceLevel.LEVEL_3,
                OnlineMode.PARTIAL, false,
                List.of(new ChannelTerms(Channel.DIRECT, BigDecimal.valueOf(5), TimeUnit.WORKING_DAYS, fees, null),
                        new ChannelTerms(Channel.ONLINE, BigDecimal.valueOf(5), TimeUnit.WORKING_DAYS, fees, null)),
                List.of(new ComponentCase("Trường hợp chung", components)),
                null, null, null, null, null, "https://dichvucong.gov.vn/", "Thủ tục thử nghiệm");
        return catalogue.add(content, AgencyScope.PROVINCE, "test");
    }
}
