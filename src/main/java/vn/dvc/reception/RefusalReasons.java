package vn.dvc.reception;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.audit.AuditTrail;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnameseText;

/**
 * The maintained list of reasons for refusing a dossier (form 03), with their Vietnamese labels. System
 * administrators add reasons, change their text and order, and deactivate or reactivate them; a code never
 * changes (refusals already given keep pointing at it), and a deactivated reason is only no longer offered.
 * Every change is in the audit trail.
 */
@Repository
public class RefusalReasons {

    /** One reason an officer may choose. */
    public record RefusalReason(String code, String label) {
    }

    /** A reason as administrators see it. */
    public record ManagedReason(String code, String label, int position, boolean active) {
    }

    /** The reason whose text the officer types; it can never be deactivated. */
    static final String OTHER = "OTHER";
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    static final int LABEL_MAX = 500;
    /** Positions are small whole numbers: the list has a few dozen reasons at most. */
    static final int POSITION_MAX = 999;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    RefusalReasons(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
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

    /** Every reason, active or not, in order. */
    public List<ManagedReason> all() {
        return jdbc.sql("select code, label, position, active from reception_refusal_reason order by position, code")
                .query((rs, n) -> new ManagedReason(rs.getString("code"), rs.getString("label"), rs.getInt("position"),
                        rs.getBoolean("active"))).list();
    }

    @Transactional
    public ManagedReason add(String code, String label, String position, String actor) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        String l = label(label);
        if (!CODE.matcher(c).matches()) {
            throw new InvalidInputException(List.of(new FieldProblem("code", "reception.reasons.code-invalid")));
        }
        Integer given = position(position);
        int pos = given == null ? next() : given;
        int inserted = jdbc.sql("""
                insert into reception_refusal_reason(code, label, position, active, updated_at, updated_by)
                values (?, ?, ?, true, ?, ?) on conflict (code) do nothing""")
                .params(c, l, pos, Timestamp.from(clock.instant()), actor).update();
        if (inserted == 0) {
            throw new InvalidInputException(List.of(new FieldProblem("code", "reception.reasons.code-taken", c)));
        }
        audit.record(actor, "REFUSAL_REASON_ADDED", c, null, Map.of("position", pos));
        return new ManagedReason(c, l, pos, true);
    }

    /** Changes the text and order of a reason; its code stays. */
    @Transactional
    public ManagedReason update(String code, String label, String position, String actor) {
        ManagedReason before = lock(code);
        String l = label(label);
        Integer given = position(position);
        int pos = given == null ? before.position() : given;
        jdbc.sql("update reception_refusal_reason set label = ?, position = ?, updated_at = ?, updated_by = ? where code = ?")
                .params(l, pos, Timestamp.from(clock.instant()), actor, before.code()).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("labelChanged", !l.equals(before.label()));
        details.put("position", pos);
        audit.record(actor, "REFUSAL_REASON_CHANGED", before.code(), null, details);
        return new ManagedReason(before.code(), l, pos, before.active());
    }

    /** Deactivates (no longer offered) or reactivates a reason. */
    @Transactional
    public ManagedReason setActive(String code, boolean active, String actor) {
        ManagedReason before = lock(code);
        if (OTHER.equals(before.code()) && !active) {
            throw new InvalidInputException(List.of(new FieldProblem("code", "reception.reasons.other-required")));
        }
        jdbc.sql("update reception_refusal_reason set active = ?, updated_at = ?, updated_by = ? where code = ?")
                .params(active, Timestamp.from(clock.instant()), actor, before.code()).update();
        if (before.active() != active) {
            audit.record(actor, active ? "REFUSAL_REASON_REACTIVATED" : "REFUSAL_REASON_DEACTIVATED", before.code(),
                    null, Map.of());
        }
        return new ManagedReason(before.code(), before.label(), before.position(), active);
    }

    private ManagedReason lock(String code) {
        return jdbc.sql("select code, label, position, active from reception_refusal_reason where code = ? for update")
                .param(code == null ? "" : code.strip())
                .query((rs, n) -> new ManagedReason(rs.getString("code"), rs.getString("label"), rs.getInt("position"),
                        rs.getBoolean("active"))).optional()
                .orElseThrow(() -> new NotFoundException("reception.reasons.not-found", code));
    }

    private int next() {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from reception_refusal_reason").query(Integer.class)
                .single();
    }

    /** The position typed by the administrator, 1 to {@value #POSITION_MAX}; blank keeps the default. */
    private static Integer position(String position) {
        String p = position == null ? "" : position.strip();
        if (p.isEmpty()) {
            return null;
        }
        int value;
        try {
            value = p.matches("\\d{1,4}") ? Integer.parseInt(p) : -1;
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 1 || value > POSITION_MAX) {
            throw new InvalidInputException(List.of(new FieldProblem("position", "reception.reasons.position-invalid",
                    POSITION_MAX)));
        }
        return value;
    }

    private static String label(String label) {
        String l = label == null ? "" : VietnameseText.nfc(label).strip().replaceAll("\\s+", " ");
        if (l.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("label", "reception.reasons.label-required")));
        }
        if (l.length() > LABEL_MAX) {
            throw new InvalidInputException(List.of(new FieldProblem("label", "reception.text-too-long", LABEL_MAX)));
        }
        return l;
    }
}
