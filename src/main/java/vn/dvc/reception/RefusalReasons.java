package vn.dvc.reception;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The maintained list of reasons for refusing a dossier (form 03), with their Vietnamese labels. */
@Repository
public class RefusalReasons {

    /** One reason an officer may choose. */
    public record RefusalReason(String code, String label) {
    }

    private final JdbcClient jdbc;

    RefusalReasons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The reasons in use, in their order. */
    public List<RefusalReason> active() {
        return jdbc.sql("select code, label from reception_refusal_reason where active order by position, code")
                .query((rs, n) -> new RefusalReason(rs.getString("code"), rs.getString("label"))).list();
    }

    public Optional<RefusalReason> find(String code) {
        return jdbc.sql("select code, label from reception_refusal_reason where code = ? and active").param(code)
                .query((rs, n) -> new RefusalReason(rs.getString("code"), rs.getString("label"))).optional();
    }
}
