package vn.dvc.processing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.audit.AuditTrail;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.Procedures;
import vn.dvc.dossier.ReceivingAgencies;
import vn.dvc.identity.AgencyScope;
import vn.dvc.identity.Role;
import vn.dvc.organisation.Agencies;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * The process definitions of agencies: read (the one a dossier follows: the procedure's at its agency, else the
 * agency's default, else the built-in default), and edited by administrators within their {@link AgencyScope}
 * with every rule checked before anything is saved (Vietnamese messages).
 */
@Service
public class ProcessDefinitions {

    /** The most steps a process may have, and the longest step name. */
    public static final int MAX_STEPS = 20;
    public static final int MAX_NAME = 200;
    /** The roles a step may have. */
    public static final List<Role> STEP_ROLES = List.of(Role.SPECIALIST, Role.LEADER, Role.RECEPTION_OFFICER);

    /** The built-in default: the specialist handles the dossier, the leader approves; then the result is ready. */
    public static final List<ProcessStep> BUILT_IN = List.of(
            new ProcessStep("Thụ lý, xử lý hồ sơ", Role.SPECIALIST, 70, false),
            new ProcessStep("Phê duyệt kết quả", Role.LEADER, 30, true));

    /** A step as an editor sent it (text fields unparsed). */
    public record StepInput(String name, String role, String budgetPercent, boolean maySendBack) {
    }

    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Procedures procedures;
    private final Agencies agencies;
    private final Clock clock;
    private final ReceivingAgencies receivingAgencies;

    ProcessDefinitions(JdbcClient jdbc, Procedures procedures, Agencies agencies, Clock clock, AuditTrail audit,
            ReceivingAgencies receivingAgencies) {
        this.receivingAgencies = receivingAgencies;
        this.audit = audit;
        this.jdbc = jdbc;
        this.procedures = procedures;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** The process a dossier of this procedure at this agency follows. */
    public ProcessDefinition effective(String agencyCode, String procedureCode) {
        return find(agencyCode, procedureCode).or(() -> find(agencyCode, null))
                .orElseGet(() -> builtIn(agencyCode));
    }

    /** The agency's default (built-in when it has none) and its per-procedure definitions, in scope only. */
    public List<ProcessDefinition> ofAgency(String agencyCode, AgencyScope scope) {
        checkScope(agencyCode, scope);
        List<ProcessDefinition> all = new ArrayList<>();
        all.add(find(agencyCode, null).orElseGet(() -> builtIn(agencyCode)));
        jdbc.sql("select procedure_code from processing_definition where agency_code = ? and procedure_code is not null"
                + " order by procedure_code").param(agencyCode).query(String.class).list()
                .forEach(code -> find(agencyCode, code).ifPresent(all::add));
        return all;
    }

    /** One definition in scope: the default (procedureCode null; built-in when not defined) or a procedure's. */
    public ProcessDefinition get(String agencyCode, String procedureCode, AgencyScope scope) {
        checkScope(agencyCode, scope);
        if (procedureCode == null) {
            return find(agencyCode, null).orElseGet(() -> builtIn(agencyCode));
        }
        return find(agencyCode, procedureCode)
                .orElseThrow(() -> new NotFoundException("processing.definition.not-found", procedureCode));
    }

    /**
     * Saves the agency's default ({@code procedureCode} null) or a procedure's definition after checking every
     * rule; {@code rowVersion} is the version the editor saw (null: do not check).
     *
     * @throws InvalidInputException with one problem per wrong field; nothing is saved then
     */
    @Transactional
    public ProcessDefinition save(String agencyCode, String procedureCode, List<StepInput> input, Integer rowVersion,
            AgencyScope scope, String actor) {
        checkScope(agencyCode, scope);
        String procedure = procedureCode == null || procedureCode.isBlank() ? null : procedureCode.strip();
        List<ProcessStep> steps = check(input, procedure, agencyCode);
        Instant now = clock.instant();
        Optional<ProcessDefinition> existing = find(agencyCode, procedure);
        long id;
        if (existing.isPresent()) {
            if (rowVersion != null && rowVersion != existing.get().rowVersion()) {
                throw new ConflictException("processing.definition.stale");
            }
            id = existing.get().id();
            int changed = jdbc.sql("""
                    update processing_definition set updated_at = ?, updated_by = ?, row_version = row_version + 1
                     where id = ? and row_version = ?""")
                    .params(Timestamp.from(now), actor, id, existing.get().rowVersion()).update();
            if (changed == 0) {
                throw new ConflictException("processing.definition.stale");
            }
            jdbc.sql("delete from processing_definition_step where definition_id = ?").param(id).update();
        } else {
            id = jdbc.sql("""
                    insert into processing_definition(agency_code, procedure_code, updated_at, updated_by)
                    values (?, ?, ?, ?) on conflict do nothing returning id""")
                    .params(agencyCode, procedure, Timestamp.from(now), actor).query(Long.class).optional()
                    .orElseThrow(() -> new ConflictException("processing.definition.stale"));
        }
        int ordinal = 1;
        for (ProcessStep step : steps) {
            jdbc.sql("""
                    insert into processing_definition_step(definition_id, ordinal, name, role, budget_percent,
                                                           may_send_back) values (?, ?, ?, ?, ?, ?)""")
                    .params(id, ordinal++, step.name(), step.role().name(), step.budgetPercent(), step.maySendBack())
                    .update();
        }
        audit.record(actor, "PROCESS_DEFINITION_SAVED", procedure == null ? agencyCode : procedure, agencyCode,
                java.util.Map.of("procedure", procedure == null ? "" : procedure, "steps", steps.stream()
                        .map(s -> s.name() + " | " + s.role().name() + " | " + s.budgetPercent() + "%"
                                + (s.maySendBack() ? " | send back" : "")).toList()));
        return find(agencyCode, procedure).orElseThrow();
    }

    /** Removes a procedure's definition: its dossiers follow the agency's default again. */
    @Transactional
    public void remove(String agencyCode, String procedureCode, AgencyScope scope, String actor) {
        checkScope(agencyCode, scope);
        int removed = jdbc.sql("delete from processing_definition where agency_code = ? and procedure_code = ?")
                .params(agencyCode, procedureCode).update();
        if (removed == 0) {
            throw new NotFoundException("processing.definition.not-found", procedureCode);
        }
        audit.record(actor, "PROCESS_DEFINITION_REMOVED", procedureCode, agencyCode,
                java.util.Map.of("procedure", procedureCode));
    }

    /** The steps, checked: names, roles, shares adding up to 100, a leader last, no sending back from the first. */
    List<ProcessStep> check(List<StepInput> input, String procedureCode) {
        return check(input, procedureCode, null);
    }

    /**
     * As {@link #check(List, String)}; with an agency, a procedure's process is only for a procedure that agency
     * receives (a process for another agency's procedure would never run, and misleads whoever reads it).
     */
    List<ProcessStep> check(List<StepInput> input, String procedureCode, String agencyCode) {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        if (procedureCode != null) {
            Optional<Procedure> procedure = procedures.find(procedureCode);
            if (procedure.isEmpty()) {
                problems.put("procedureCode", new FieldProblem("procedureCode",
                        "processing.definition.procedure-unknown", procedureCode));
            } else if (agencyCode != null && !receivingAgencies.allows(procedure.get(), agencyCode)) {
                problems.put("procedureCode", new FieldProblem("procedureCode",
                        "processing.definition.procedure-not-received", procedureCode,
                        agencies.find(agencyCode).map(a -> a.name()).orElse(agencyCode)));
            }
        }
        List<StepInput> given = input == null ? List.of() : input.stream().filter(s -> s != null && !(blank(s.name())
                && blank(s.budgetPercent()))).toList();
        if (given.isEmpty()) {
            problems.put("steps", new FieldProblem("steps", "processing.definition.steps-required"));
        } else if (given.size() > MAX_STEPS) {
            problems.put("steps", new FieldProblem("steps", "processing.definition.too-many-steps", MAX_STEPS));
        }
        List<ProcessStep> steps = new ArrayList<>();
        int sum = 0;
        boolean allShares = true;
        for (int i = 0; i < given.size() && i < MAX_STEPS; i++) {
            StepInput s = given.get(i);
            int n = i + 1;
            String path = "steps[" + i + "].";
            String name = s.name() == null ? "" : java.text.Normalizer.normalize(s.name().strip(),
                    java.text.Normalizer.Form.NFC);
            if (name.isEmpty()) {
                problems.put(path + "name", new FieldProblem(path + "name", "processing.definition.name-required", n));
            } else if (name.length() > MAX_NAME) {
                problems.put(path + "name", new FieldProblem(path + "name", "processing.definition.name-too-long", n,
                        MAX_NAME));
            }
            Role role = STEP_ROLES.stream().filter(r -> r.name().equals(s.role() == null ? "" : s.role().strip()))
                    .findFirst().orElse(null);
            if (role == null) {
                problems.put(path + "role", new FieldProblem(path + "role", "processing.definition.role-unknown", n));
            }
            Integer percent = null;
            try {
                percent = Integer.valueOf(s.budgetPercent() == null ? "" : s.budgetPercent().strip());
            } catch (NumberFormatException e) {
                percent = null;
            }
            if (percent == null || percent < 1 || percent > 100) {
                problems.put(path + "budgetPercent", new FieldProblem(path + "budgetPercent",
                        "processing.definition.percent-invalid", n));
                allShares = false;
            } else {
                sum += percent;
            }
            if (i == 0 && s.maySendBack()) {
                problems.put(path + "maySendBack", new FieldProblem(path + "maySendBack",
                        "processing.definition.first-send-back"));
            }
            steps.add(new ProcessStep(name, role, percent == null ? 0 : percent, s.maySendBack()));
        }
        if (allShares && !given.isEmpty() && sum != 100) {
            problems.put("steps", new FieldProblem("steps", "processing.definition.percent-sum", sum));
        }
        if (!steps.isEmpty() && steps.get(steps.size() - 1).role() != null
                && steps.get(steps.size() - 1).role() != Role.LEADER) {
            String path = "steps[" + (steps.size() - 1) + "].role";
            problems.putIfAbsent(path, new FieldProblem(path, "processing.definition.last-leader"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(List.copyOf(problems.values()));
        }
        return steps;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private void checkScope(String agencyCode, AgencyScope scope) {
        if (agencyCode == null || !scope.covers(agencyCode) || agencies.find(agencyCode).isEmpty()) {
            throw new NotFoundException("processing.agency.not-found", agencyCode == null ? "" : agencyCode);
        }
    }

    private ProcessDefinition builtIn(String agencyCode) {
        return new ProcessDefinition(null, agencyCode, null, BUILT_IN, null, null, 0);
    }

    Optional<ProcessDefinition> find(String agencyCode, String procedureCode) {
        return jdbc.sql("""
                select id, agency_code, procedure_code, updated_at, updated_by, row_version from processing_definition
                 where agency_code = ? and procedure_code is not distinct from cast(? as varchar)""")
                .params(agencyCode, procedureCode)
                .query((rs, n) -> new ProcessDefinition(rs.getLong("id"), rs.getString("agency_code"),
                        rs.getString("procedure_code"), null, rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("updated_by"), rs.getInt("row_version")))
                .optional()
                .map(d -> new ProcessDefinition(d.id(), d.agencyCode(), d.procedureCode(), steps(d.id()), d.updatedAt(),
                        d.updatedBy(), d.rowVersion()));
    }

    private List<ProcessStep> steps(long definitionId) {
        return jdbc.sql("""
                select name, role, budget_percent, may_send_back from processing_definition_step
                 where definition_id = ? order by ordinal""").param(definitionId)
                .query((rs, n) -> new ProcessStep(rs.getString("name"), Role.valueOf(rs.getString("role")),
                        rs.getInt("budget_percent"), rs.getBoolean("may_send_back")))
                .list();
    }
}
