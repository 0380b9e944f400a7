package vn.dvc.result;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * Test data of the result tests, made as the dossier tests make theirs (DossierFixtures is package-private
 * there): applicants, a procedure of the Department of Justice, online dossiers; and the poppler tools.
 */
final class ResultFixtures {

    static final String JUSTICE = "000.00.03.H21";
    static final String JUSTICE_NAME = "Sở Tư pháp tỉnh Gia Lai";
    static final String FORM = "{\"requestSummary\":\"Cấp phiếu lý lịch tư pháp số 1\",\"contactName\":\"Lê Thị Kết Quả\","
            + "\"phone\":\"0912345678\",\"address\":\"12 Hùng Vương, Pleiku\"}";

    private final JdbcClient jdbc;
    private final ProcedureCatalogue catalogue;
    private final Documents documents;
    private final DossierSubmission submission;

    ResultFixtures(JdbcClient jdbc, ProcedureCatalogue catalogue, Documents documents, DossierSubmission submission) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.documents = documents;
        this.submission = submission;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    long applicant(String username) {
        return TestApplicants.create(jdbc, username);
    }

    Procedure procedure() {
        String code = TestCodes.procedure("9.6");
        ProcedureContent content = new ProcedureContent(code, "Cấp phiếu lý lịch tư pháp thử nghiệm " + code,
                "Thử nghiệm", JUSTICE, List.of(new Implementation(AgencyLevel.PROVINCIAL, JUSTICE)),
                ServiceLevel.LEVEL_3, OnlineMode.PARTIAL, false,
                List.of(new ChannelTerms(Channel.DIRECT, BigDecimal.valueOf(5), TimeUnit.WORKING_DAYS, List.of(), null),
                        new ChannelTerms(Channel.ONLINE, BigDecimal.valueOf(5), TimeUnit.WORKING_DAYS, List.of(), null)),
                List.of(new ComponentCase("Trường hợp chung", List.of(
                        new DossierComponent("Tờ khai yêu cầu", 1, 0, true, null)))),
                null, null, null, null, null, "https://dichvucong.gov.vn/", "Thủ tục thử nghiệm");
        return catalogue.add(content, AgencyScope.PROVINCE, "test");
    }

    /** A dossier of a new applicant at the Department of Justice with the given PDF attached. */
    Dossier dossier(String username, byte[] attachment) {
        long id = applicant(username);
        Procedure procedure = procedure();
        UUID document = store("to-khai.pdf", attachment);
        return submission.submit(new Submission(id, username, procedure.code(), JUSTICE, 0, FORM,
                List.of(new Attachment(0, document)), null, null)).dossier();
    }

    Dossier dossier(String username) {
        return dossier(username, demoPdf());
    }

    UUID store(String name, byte[] bytes) {
        return documents.store("file", name, new ByteArrayInputStream(bytes), UploadRules.defaults()).id();
    }

    static byte[] demoPdf() {
        try (InputStream in = new ClassPathResource("document/giay-to-demo.pdf").getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a poppler tool on the bytes (written to a temporary file); answers what it printed. */
    static String run(String tool, byte[] pdf, String... arguments) {
        try {
            Path file = Files.createTempFile("result-", ".pdf");
            Files.write(file, pdf);
            List<String> command = new ArrayList<>();
            command.add(tool);
            command.addAll(List.of(arguments));
            command.add(file.toString());
            if ("pdftotext".equals(tool)) {
                command.add("-");
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish");
            }
            Files.deleteIfExists(file);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
