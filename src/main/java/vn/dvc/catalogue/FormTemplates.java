package vn.dvc.catalogue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Official forms applicants download (mẫu đơn, tờ khai), stored with their SHA-256. */
@Repository
public class FormTemplates {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A stored form. */
    public record FormTemplate(long id, String procedureCode, String fileName, String contentType, byte[] content,
            String sha256) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    FormTemplates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long store(String procedureCode, String fileName, String contentType, byte[] content, String actor) {
        return jdbc.sql("""
                insert into form_template(procedure_id, file_name, content_type, content, sha256, uploaded_at, uploaded_by)
                select id, :fileName, :contentType, :content, :sha256, :now, :actor from procedure where code = :code
                returning id
                """).param("fileName", fileName).param("contentType", contentType).param("content", content)
                .param("sha256", sha256(content)).param("now", Timestamp.from(clock.instant())).param("actor", actor)
                .param("code", procedureCode).query(Long.class).single();
    }

    public Optional<FormTemplate> find(long id) {
        return jdbc.sql("""
                select t.id, p.code, t.file_name, t.content_type, t.content, t.sha256
                  from form_template t join procedure p on p.id = t.procedure_id where t.id = ?
                """).param(id).query((rs, row) -> new FormTemplate(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBytes(5), rs.getString(6))).optional();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
