package vn.dvc.reception;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

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
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.DossierSubmission.Attachment;
import vn.dvc.dossier.DossierSubmission.Submission;
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyLevel;

/** Test data of the reception tests: applicants, procedures of the Department of Justice, online dossiers. */
final class ReceptionFixtures {

    static final String JUSTICE = "000.00.03.H21";
    static final String FORM = "{\"requestSummary\":\"Xin cấp phiếu lý lịch tư pháp\",\"contactName\":\"Nguyễn Văn Tiếp\","
            + "\"phone\":\"0912345678\",\"address\":\"12 Hùng Vương, Pleiku\"}";
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 9000));

    private final JdbcClient jdbc;
    private final ProcedureCatalogue catalogue;
    private final Documents documents;
    private final DossierSubmission submission;

    ReceptionFixtures(JdbcClient jdbc, ProcedureCatalogue catalogue, Documents documents, DossierSubmission submission) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.documents = documents;
        this.submission = submission;
    }

    /** A new citizen applicant with a verified e-mail address <username>@example.vn; answers its id. */
    long applicant(String username) {
        long id = jdbc.sql("""
                insert into account(username, password_hash, full_name, email) values (?, '{noop}x', ?, ?)
                returning id""").params(username, "Người nộp " + username, username + "@example.vn")
                .query(Long.class).single();
        jdbc.sql("insert into account_role(account_id, role) values (?, 'APPLICANT')").param(id).update();
        jdbc.sql("""
                insert into applicant(account_id, kind, full_name, citizen_id, date_of_birth, sex, email,
                                      email_verified_at, phone, address, terms_version, terms_accepted_at,
                                      registered_at, updated_at)
                values (?, 'CITIZEN', ?, ?, date '1985-01-01', 'MALE', ?, now(), '0987654321',
                        '45 Trần Phú, phường Diên Hồng, Pleiku', 'test', now(), now(), now())""")
                .params(id, "Nguyễn Văn " + username, String.format("%012d", 641_000_000_000L + NEXT.incrementAndGet()),
                        username + "@example.vn")
                .update();
        return id;
    }

    /** A procedure received online by the Department of Justice in {@code days} working days (null: unknown). */
    Procedure procedure(BigDecimal days) {
        return procedure(days, true);
    }

    /** The same, with one case of two components, or (withCases false) no cases and no components at all. */
    Procedure procedure(BigDecimal days, boolean withCases) {
        String code = TestCodes.procedure("9.7");
        ProcedureContent content = new ProcedureContent(code, "Cấp phiếu lý lịch tư pháp thử nghiệm " + code,
                "Thử nghiệm", JUSTICE, List.of(new Implementation(AgencyLevel.PROVINCIAL, JUSTICE)),
                ServiceLevel.LEVEL_3, OnlineMode.PARTIAL, false,
                List.of(new ChannelTerms(Channel.DIRECT, days, days == null ? null : TimeUnit.WORKING_DAYS, List.of(), null),
                        new ChannelTerms(Channel.ONLINE, days, days == null ? null : TimeUnit.WORKING_DAYS, List.of(),
                                null)),
                withCases ? List.of(new ComponentCase("Trường hợp chung", List.of(
                        new DossierComponent("Tờ khai yêu cầu cấp phiếu", 1, 0, true, null),
                        new DossierComponent("Bản sao căn cước công dân", 0, 1, true, null)))) : List.of(),
                null, null, null, null, null, "https://dichvucong.gov.vn/", "Thủ tục thử nghiệm");
        return catalogue.add(content, AgencyScope.PROVINCE, "test");
    }

    /** A dossier submitted online by the applicant, with both components attached. */
    Dossier dossier(long applicantId, String username, Procedure procedure) {
        return submission.submit(new Submission(applicantId, username, procedure.code(), JUSTICE, 0, FORM,
                List.of(new Attachment(0, pdf()), new Attachment(1, pdf())), null, null)).dossier();
    }

    private UUID pdf() {
        try (InputStream in = new ClassPathResource("document/giay-to-demo.pdf").getInputStream()) {
            return documents.store("file", "to-khai.pdf", in, UploadRules.defaults()).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
