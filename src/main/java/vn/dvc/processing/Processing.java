package vn.dvc.processing;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.audit.AuditTrail;
import vn.dvc.calendar.WorkingCalendar;
import vn.dvc.document.FileType;
import vn.dvc.document.Documents;
import vn.dvc.document.StoredDocument;
import vn.dvc.document.UploadRules;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.DossierTransitions;
import vn.dvc.dossier.Dossiers;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.Officers;
import vn.dvc.identity.Role;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;

/**
 * A received dossier's way through its agency's internal process. Reception opens the first step; officers of
 * the step's role take, forward, send back; leaders and agency administrators reassign; the leader of the last
 * step approves, which finishes the dossier. Every check is made here: the agency in the data access (another
 * agency's dossier is not found), the role and the holder of the step (403 otherwise), the status and the
 * process (409).
 */
@Service
public class Processing {

    /** Roles of officers who may see the process of their agency's dossiers. */
    static final Set<Role> OFFICER_ROLES = EnumSet.of(Role.RECEPTION_OFFICER, Role.SPECIALIST, Role.LEADER,
            Role.AGENCY_ADMIN);
    /** The largest result file. */
    public static final long MAX_RESULT_BYTES = 20 * UploadRules.MEGABYTE;
    static final UploadRules RESULT_RULES = UploadRules.of(MAX_RESULT_BYTES, FileType.PDF);
    private static final TypeReference<List<ProcessStep>> STEPS = new TypeReference<>() { };
    private static final String STEP_COLUMNS = """
            select id, dossier_id, ordinal, name, role, assignee, started_at, started_by, due_at, ended_at, ended_by,
                   outcome, note from dossier_step""";

    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Dossiers dossiers;
    private final DossierTransitions transitions;
    private final ProcessDefinitions definitions;
    private final WorkingCalendar calendar;
    private final Officers officers;
    private final Documents documents;
    private final JsonMapper json;
    private final Clock clock;

    Processing(JdbcClient jdbc, Dossiers dossiers, DossierTransitions transitions, ProcessDefinitions definitions,
            WorkingCalendar calendar, Officers officers, Documents documents, JsonMapper json, Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.transitions = transitions;
        this.definitions = definitions;
        this.calendar = calendar;
        this.officers = officers;
        this.documents = documents;
        this.json = json;
        this.clock = clock;
    }

    /** Records an officer's step action in the audit trail, last in its transaction (status changes are recorded there by events). */
    private <T> T audited(T outcome, Dossier d, AccountPrincipal officer, String action, DossierStep step,
            String to) {
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("step", step.ordinal());
        details.put("stepName", step.name());
        if (to != null) {
            details.put("to", to);
        }
        audit.record(officer.getUsername(), action, d.code(), d.agencyCode(), details);
        return outcome;
    }

    /** The process of a received dossier: its steps as fixed at reception and the working time shared out. */
    public record DossierProcess(long dossierId, List<ProcessStep> steps, long workingMinutes) {
    }

    /**
     * Opens the first step of a dossier just received (in the receiving transaction): the process is the
     * procedure's at the agency, else the agency's default; the step waits in the pool of its role. Does
     * nothing for a dossier already in process.
     */
    @Transactional
    public void open(String dossierCode, String actor) {
        Dossier d = dossiers.findByCode(dossierCode)
                .orElseThrow(() -> new NotFoundException("dossier.not-found", dossierCode));
        if (d.receivedAt() == null || d.dueAt() == null || process(d.id()).isPresent()) {
            return;
        }
        ProcessDefinition definition = definitions.effective(d.agencyCode(), d.procedureCode());
        long minutes = Math.max(0, calendar.workingTimeBetween(d.receivedAt().atZone(VietnamTime.ZONE),
                d.dueAt().atZone(VietnamTime.ZONE), d.agencyCode()).toMinutes());
        jdbc.sql("""
                insert into processing_dossier(dossier_id, agency_code, definition_id, steps, working_minutes, opened_at)
                values (?, ?, ?, ?::jsonb, ?, ?)""")
                .params(d.id(), d.agencyCode(), definition.id(), json.writeValueAsString(definition.steps()), minutes,
                        Timestamp.from(clock.instant()))
                .update();
        DossierProcess process = new DossierProcess(d.id(), definition.steps(), minutes);
        start(d, process, 1, null, d.receivedAt(), actor == null ? "system" : actor, null);
    }

    /** The process of a dossier, if it was received since processing exists. */
    public Optional<DossierProcess> process(long dossierId) {
        return jdbc.sql("select steps::text as steps, working_minutes from processing_dossier where dossier_id = ?")
                .param(dossierId)
                .query((rs, n) -> new DossierProcess(dossierId, json.readValue(rs.getString("steps"), STEPS),
                        rs.getLong("working_minutes")))
                .optional();
    }

    /** A dossier of the officer's agency (any officer role, agency administrators included); others: not found. */
    public Dossier find(String code, AccountPrincipal officer) {
        return dossiers.findAtAgency(code, agency(officer))
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code));
    }

    /** Every step of a dossier of the officer's agency, in order. */
    public List<DossierStep> steps(String code, AccountPrincipal officer) {
        return steps(find(code, officer).id());
    }

    /** Every step of a dossier, in order (no access check: callers have checked). */
    public List<DossierStep> steps(long dossierId) {
        return jdbc.sql(STEP_COLUMNS + " where dossier_id = ? order by id").param(dossierId).query(Processing::map)
                .list();
    }

    /** The open step of a dossier, if any. */
    public Optional<DossierStep> current(long dossierId) {
        return jdbc.sql(STEP_COLUMNS + " where dossier_id = ? and ended_at is null").param(dossierId)
                .query(Processing::map).optional();
    }

    /** Moves the open step's due time later by working time the dossier waited (for a supplement). */
    @Transactional
    public void moveOpenStep(String code, String agencyCode, java.time.Duration paused) {
        dossiers.findByCode(code).flatMap(d -> current(d.id())).ifPresent(step -> {
            Instant due = calendar.addWorkingTime(step.dueAt().atZone(VietnamTime.ZONE), paused, agencyCode)
                    .toInstant();
            jdbc.sql("update dossier_step set due_at = ? where id = ?").params(Timestamp.from(due), step.id())
                    .update();
        });
    }

    /**
     * The dossier's processing was stopped (status 8): its open step, if any, ends now with the outcome STOPPED,
     * by the officer who stopped it and with the reason as note, so that no work list, warning or "current step"
     * shows it any more (ADR 0029). Runs in the stopping transaction.
     */
    @Transactional
    public void stopped(String code, String actor, String reason) {
        dossiers.findByCode(code).ifPresent(d -> jdbc.sql("""
                update dossier_step set ended_at = ?, ended_by = ?, outcome = 'STOPPED', note = ?
                 where dossier_id = ? and ended_at is null""")
                .params(Timestamp.from(clock.instant()), actor == null ? "system" : actor, reason, d.id()).update());
    }

    /** The officer takes the open step from the pool of its role. */
    @Transactional
    public DossierStep take(String code, AccountPrincipal officer) {
        Dossier d = inProgress(code, officer);
        DossierStep step = lockCurrent(d);
        if (!officer.has(step.role())) {
            throw new AccessDeniedException("not the role of the step");
        }
        if (step.assignee() != null && !step.assignee().equals(officer.getUsername())) {
            throw new ConflictException("processing.take.taken", d.code(), step.assignee());
        }
        jdbc.sql("update dossier_step set assignee = ? where id = ?").params(officer.getUsername(), step.id()).update();
        return audited(current(d.id()).orElseThrow(), d, officer, "STEP_TAKEN", step, null);
    }

    /**
     * Hands the dossier to the next step, to a named officer of that step's role or to its pool
     * ({@code toOfficer} null). The last step is approved, not forwarded.
     */
    @Transactional
    public DossierStep forward(String code, AccountPrincipal officer, String toOfficer, String note) {
        Dossier d = inProgress(code, officer);
        DossierStep step = lockCurrent(d);
        checkHolder(step, officer);
        DossierProcess process = process(d.id()).orElseThrow(() -> new ConflictException("processing.no-process",
                d.code()));
        if (step.ordinal() >= process.steps().size()) {
            throw new ConflictException("processing.forward.last-step", d.code());
        }
        ProcessStep next = process.steps().get(step.ordinal());
        String assignee = assignee(toOfficer, d.agencyCode(), next.role(), "assignee");
        String text = note(note, false);
        end(step, officer, DossierStep.Outcome.FORWARDED, text);
        return audited(start(d, process, step.ordinal() + 1, assignee, clock.instant(), officer.getUsername(), null),
                d, officer, "STEP_FORWARDED", step, assignee == null ? next.role().name() : assignee);
    }

    /**
     * Sends the dossier back to the previous step, when the current step allows it, with a reason; it goes to
     * the officer who last did that step if they still can, otherwise to the pool.
     */
    @Transactional
    public DossierStep sendBack(String code, AccountPrincipal officer, String reason) {
        Dossier d = inProgress(code, officer);
        DossierStep step = lockCurrent(d);
        checkHolder(step, officer);
        DossierProcess process = process(d.id()).orElseThrow(() -> new ConflictException("processing.no-process",
                d.code()));
        ProcessStep definition = process.steps().get(step.ordinal() - 1);
        if (step.ordinal() == 1 || !definition.maySendBack()) {
            throw new ConflictException("processing.send-back.not-allowed", d.code(), step.name());
        }
        String text = note(reason, true);
        ProcessStep previous = process.steps().get(step.ordinal() - 2);
        String back = jdbc.sql("""
                select ended_by from dossier_step where dossier_id = ? and ordinal = ? and outcome = 'FORWARDED'
                 order by id desc limit 1""").params(d.id(), step.ordinal() - 1).query(String.class).optional()
                .filter(u -> officers.find(u).filter(o -> d.agencyCode().equals(o.agencyCode())
                        && o.has(previous.role())).isPresent())
                .orElse(null);
        end(step, officer, DossierStep.Outcome.SENT_BACK, text);
        return audited(start(d, process, step.ordinal() - 1, back, clock.instant(), officer.getUsername(), null),
                d, officer, "STEP_SENT_BACK", step, back == null ? previous.role().name() : back);
    }

    /**
     * A leader or agency administrator hands the open step to another officer of its role at the agency; the
     * step keeps its due time.
     */
    @Transactional
    public DossierStep reassign(String code, AccountPrincipal officer, String toOfficer, String note) {
        Dossier d = inProgress(code, officer);
        if (!officer.has(Role.LEADER) && !officer.has(Role.AGENCY_ADMIN)) {
            throw new AccessDeniedException("only leaders and agency administrators reassign");
        }
        DossierStep step = lockCurrent(d);
        if (toOfficer == null || toOfficer.isBlank()) {
            throw new InvalidInputException(List.of(new FieldProblem("assignee", "processing.assignee.required")));
        }
        String assignee = assignee(toOfficer, d.agencyCode(), step.role(), "assignee");
        if (assignee.equals(step.assignee())) {
            throw new InvalidInputException(List.of(new FieldProblem("assignee", "processing.reassign.same")));
        }
        DossierProcess process = process(d.id()).orElseThrow(() -> new ConflictException("processing.no-process",
                d.code()));
        end(step, officer, DossierStep.Outcome.REASSIGNED, note(note, false));
        return audited(start(d, process, step.ordinal(), assignee, clock.instant(), officer.getUsername(),
                step.dueAt()), d, officer, "STEP_REASSIGNED", step, assignee);
    }

    /**
     * The holder of the open step attaches the result (PDF only), stored by the document module and recorded
     * as the dossier's RESULT document.
     */
    @Transactional
    public Dossiers.DossierDocument attachResult(String code, AccountPrincipal officer, String fileName,
            InputStream content) {
        Dossier d = inProgress(code, officer);
        DossierStep step = lockCurrent(d);
        checkHolder(step, officer);
        StoredDocument stored = documents.store("file", fileName, content, RESULT_RULES);
        return transitions.attachResult(d.code(), d.agencyCode(), officer.getUsername(), stored.id(),
                "Kết quả giải quyết hồ sơ");
    }

    /**
     * The leader of the last step approves: the step ends and the dossier is finished (status 9) with its
     * result, which must have been attached before (409 otherwise).
     */
    @Transactional
    public Dossier approve(String code, AccountPrincipal officer, String note) {
        Dossier d = inProgress(code, officer);
        DossierStep step = lockCurrent(d);
        checkHolder(step, officer);
        if (!officer.has(Role.LEADER)) {
            throw new AccessDeniedException("only leaders approve");
        }
        DossierProcess process = process(d.id()).orElseThrow(() -> new ConflictException("processing.no-process",
                d.code()));
        if (step.ordinal() < process.steps().size()) {
            throw new ConflictException("processing.approve.not-last-step", d.code());
        }
        end(step, officer, DossierStep.Outcome.APPROVED, note(note, false));
        return transitions.finish(d.code(), d.agencyCode(), officer.getUsername());
    }

    /** What this officer may do with the open step (for pages that offer only what can be done). */
    public Set<String> allowedActions(Dossier d, DossierStep step, AccountPrincipal officer) {
        Set<String> actions = new java.util.TreeSet<>();
        if (step == null || d.status() != DossierStatus.IN_PROGRESS || !d.agencyCode().equals(officer.agencyCode())) {
            return actions;
        }
        Optional<DossierProcess> process = process(d.id());
        if (process.isEmpty()) {
            return actions;
        }
        boolean holder = officer.has(step.role())
                && (step.assignee() == null || step.assignee().equals(officer.getUsername()));
        if (officer.has(step.role()) && step.assignee() == null) {
            actions.add("take");
        }
        if (holder) {
            actions.add("result");
            if (step.ordinal() < process.get().steps().size()) {
                actions.add("forward");
            } else if (officer.has(Role.LEADER)) {
                actions.add("approve");
            }
            if (step.ordinal() > 1 && process.get().steps().get(step.ordinal() - 1).maySendBack()) {
                actions.add("send-back");
            }
        }
        if (officer.has(Role.LEADER) || officer.has(Role.AGENCY_ADMIN)) {
            actions.add("reassign");
        }
        return actions;
    }

    /** The agency of an officer who may see its dossiers' process; others are refused (403). */
    static String agency(AccountPrincipal officer) {
        if (officer == null || officer.agencyCode() == null || OFFICER_ROLES.stream().noneMatch(officer::has)) {
            throw new AccessDeniedException("not an officer of an agency");
        }
        return officer.agencyCode();
    }

    private Dossier inProgress(String code, AccountPrincipal officer) {
        Dossier d = find(code, officer);
        if (d.status() != DossierStatus.IN_PROGRESS) {
            throw new ConflictException("processing.not-in-progress", d.code());
        }
        return d;
    }

    private DossierStep lockCurrent(Dossier d) {
        return jdbc.sql(STEP_COLUMNS + " where dossier_id = ? and ended_at is null for update").param(d.id())
                .query(Processing::map).optional()
                .orElseThrow(() -> new ConflictException("processing.no-open-step", d.code()));
    }

    /** Only an officer with the step's role acts on it, and only its holder once someone holds it. */
    private static void checkHolder(DossierStep step, AccountPrincipal officer) {
        if (!officer.has(step.role())) {
            throw new AccessDeniedException("not the role of the step");
        }
        if (step.assignee() != null && !step.assignee().equals(officer.getUsername())) {
            throw new AccessDeniedException("the step is held by another officer");
        }
    }

    /** A named officer of the agency with the role, or null for the pool when none is named. */
    private String assignee(String username, String agencyCode, Role role, String field) {
        if (username == null || username.isBlank()) {
            return null;
        }
        return officers.find(username.strip()).filter(o -> agencyCode.equals(o.agencyCode()) && o.has(role))
                .map(Officers.Officer::username)
                .orElseThrow(() -> new InvalidInputException(List.of(new FieldProblem(field,
                        "processing.assignee.not-of-role", username.strip()))));
    }

    private static String note(String text, boolean required) {
        String note = text == null ? "" : text.strip();
        if (required && note.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "processing.send-back.reason-required")));
        }
        if (note.length() > 2000) {
            throw new InvalidInputException(List.of(new FieldProblem(required ? "reason" : "note",
                    "processing.note-too-long", 2000)));
        }
        return note.isEmpty() ? null : note;
    }

    private void end(DossierStep step, AccountPrincipal officer, DossierStep.Outcome outcome, String note) {
        jdbc.sql("update dossier_step set ended_at = ?, ended_by = ?, outcome = ?, note = ?, assignee = coalesce(assignee, ?)"
                + " where id = ?")
                .params(Timestamp.from(clock.instant()), officer.getUsername(), outcome.name(), note,
                        outcome == DossierStep.Outcome.REASSIGNED ? null : officer.getUsername(), step.id())
                .update();
    }

    /** Opens a step; its due time is its share of the dossier's working time after {@code at}, unless given. */
    private DossierStep start(Dossier d, DossierProcess process, int ordinal, String assignee, Instant at,
            String by, Instant dueAt) {
        ProcessStep step = process.steps().get(ordinal - 1);
        Instant due = dueAt != null ? dueAt : budgetDue(d.agencyCode(), at, process.workingMinutes(), step);
        long id = jdbc.sql("""
                insert into dossier_step(dossier_id, agency_code, ordinal, name, role, assignee, started_at, started_by,
                                         due_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(d.id(), d.agencyCode(), ordinal, step.name(), step.role().name(), assignee, Timestamp.from(at),
                        by, Timestamp.from(due))
                .query(Long.class).single();
        return jdbc.sql(STEP_COLUMNS + " where id = ?").param(id).query(Processing::map).single();
    }

    /** When the step's share of the dossier's working time has passed after {@code at}, on the agency's calendar. */
    Instant budgetDue(String agencyCode, Instant at, long workingMinutes, ProcessStep step) {
        long minutes = Math.round(workingMinutes * step.budgetPercent() / 100.0);
        return calendar.addWorkingTime(at.atZone(VietnamTime.ZONE), Duration.ofMinutes(minutes), agencyCode)
                .toInstant();
    }

    static DossierStep map(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new DossierStep(rs.getLong("id"), rs.getLong("dossier_id"), rs.getInt("ordinal"), rs.getString("name"),
                Role.valueOf(rs.getString("role")), rs.getString("assignee"),
                rs.getTimestamp("started_at").toInstant(), rs.getString("started_by"),
                rs.getTimestamp("due_at").toInstant(), instant(rs, "ended_at"), rs.getString("ended_by"),
                outcome == null ? null : DossierStep.Outcome.valueOf(outcome), rs.getString("note"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
