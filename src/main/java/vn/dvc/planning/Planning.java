package vn.dvc.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureQuery;
import vn.dvc.catalogue.ProcedureSummary;
import vn.dvc.catalogue.Procedures;
import vn.dvc.catalogue.ServiceLevel;
import vn.dvc.identity.AgencyScope;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;
import vn.dvc.shared.VietnameseText;

/**
 * The yearly plan's use cases, in the order of plan 2575/KH-UBND: the coordinator opens a year, each
 * agency registers the procedures it will bring to level 4 before the deadline, the coordinator
 * consolidates (the system proposes rejecting what a central ministry already provides), rejects with
 * reasons, approves the rest and publishes. Each step checks the plan's status under a row lock and
 * leaves an audit record. Role checks are the callers' (the pages and the API); agency scoping is here.
 */
@Service
public class Planning {

    static final int OWNER_MAX = 200;
    static final int NOTE_MAX = 2000;
    static final int REASON_MAX = 1000;
    static final long BUDGET_MAX = 10_000_000_000_000L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Plans plans;
    private final Procedures procedures;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Planning(Plans plans, Procedures procedures, ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.procedures = procedures;
        this.events = events;
        this.clock = clock;
    }

    /** What an agency administrator registers: one procedure of the catalogue for the year. */
    public record Registration(String procedureCode, BuildKind kind, Long estimatedBudgetVnd, String owner,
            String note) {
    }

    /** Opens registration for a year (coordinator). */
    @Transactional
    public Plan open(int year, LocalDate registrationDeadline, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            problems.add(new FieldProblem("year", "planning.error.year-range"));
        }
        if (registrationDeadline == null) {
            problems.add(new FieldProblem("registrationDeadline", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (plans.find(year).isPresent()) {
            throw new ConflictException("planning.error.plan-exists", String.valueOf(year));
        }
        plans.create(year, registrationDeadline, actor, clock.instant());
        plans.audit(year, "OPENED", null, null, registrationDeadline.toString(), actor, clock.instant());
        return plans.find(year).orElseThrow();
    }

    /** Moves the registration deadline while registration is open (coordinator). */
    @Transactional
    public Plan changeDeadline(int year, LocalDate registrationDeadline, String actor) {
        if (registrationDeadline == null) {
            throw new InvalidInputException(List.of(new FieldProblem("registrationDeadline", "validation.required")));
        }
        Plan plan = lock(year);
        requireStatus(plan, PlanStatus.REGISTRATION_OPEN, "change-deadline");
        plans.changeDeadline(year, registrationDeadline);
        plans.audit(year, "DEADLINE_CHANGED", null, null,
                plan.registrationDeadline() + " → " + registrationDeadline, actor, clock.instant());
        return plans.find(year).orElseThrow();
    }

    /**
     * Registers a procedure for an agency: the agency must be in the scope, registration open and the
     * deadline not passed, and the procedure one the agency implements that is not level 4 yet.
     */
    @Transactional
    public PlanEntry register(int year, String agencyCode, Registration registration, AgencyScope scope,
            String actor) {
        if (agencyCode == null || !scope.covers(agencyCode)) {
            throw new AccessDeniedException("agency outside the administrator's scope");
        }
        Plan plan = lock(year);
        requireRegistrationOpen(plan);
        String code = registration.procedureCode() == null ? "" : registration.procedureCode().strip();
        String owner = VietnameseText.nfc(registration.owner());
        String note = VietnameseText.nfc(registration.note());
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Procedure> procedure = Optional.empty();
        if (code.isEmpty()) {
            problems.add(new FieldProblem("procedureCode", "validation.required"));
        } else {
            procedure = implementedBy(agencyCode, code);
            if (procedure.isEmpty()) {
                problems.add(new FieldProblem("procedureCode", "planning.error.procedure-not-agency", code));
            } else if (live(procedure.get())) {
                problems.add(new FieldProblem("procedureCode", "planning.error.already-level-4", code));
            } else if (plans.exists(year, agencyCode, code)) {
                problems.add(new FieldProblem("procedureCode", "planning.error.already-registered", code));
            }
        }
        if (registration.kind() == null) {
            problems.add(new FieldProblem("kind", "validation.required"));
        } else if (registration.kind() == BuildKind.UPGRADE && procedure.isPresent()
                && procedure.get().content().serviceLevel() != ServiceLevel.LEVEL_3) {
            problems.add(new FieldProblem("kind", "planning.error.upgrade-needs-level-3"));
        }
        Long budget = registration.estimatedBudgetVnd();
        if (budget == null) {
            problems.add(new FieldProblem("estimatedBudgetVnd", "validation.required"));
        } else if (budget < 0 || budget > BUDGET_MAX) {
            problems.add(new FieldProblem("estimatedBudgetVnd", "planning.error.budget-range"));
        }
        if (owner == null || owner.isEmpty()) {
            problems.add(new FieldProblem("owner", "validation.required"));
        } else if (owner.length() > OWNER_MAX) {
            problems.add(new FieldProblem("owner", "validation.too-long", OWNER_MAX));
        }
        if (note != null && note.length() > NOTE_MAX) {
            problems.add(new FieldProblem("note", "validation.too-long", NOTE_MAX));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Procedure p = procedure.orElseThrow();
        long id = plans.insertEntry(year, agencyCode, code, p.name(), registration.kind(), budget, owner,
                note == null || note.isEmpty() ? null : note, p.content().centrallyProvided(), actor, clock.instant());
        plans.audit(year, "REGISTERED", agencyCode, code, registration.kind() + "; " + budget + " VND; " + owner,
                actor, clock.instant());
        return plans.findEntry(year, id, scope).orElseThrow();
    }

    /** Withdraws an entry of the administrator's agency while registration is open. */
    @Transactional
    public void withdraw(int year, long entryId, AgencyScope scope, String actor) {
        Plan plan = lock(year);
        PlanEntry entry = plans.findEntry(year, entryId, scope)
                .orElseThrow(() -> new NotFoundException("planning.error.entry-not-found"));
        requireRegistrationOpen(plan);
        plans.deleteEntry(entry.id());
        plans.audit(year, "WITHDRAWN", entry.agencyCode(), entry.procedureCode(), null, actor, clock.instant());
    }

    /**
     * Closes registration and starts the coordinator's review. Each entry's centrally-provided flag is
     * read again from the current catalogue: those are proposed for rejection.
     */
    @Transactional
    public Plan consolidate(int year, String actor) {
        Plan plan = lock(year);
        requireStatus(plan, PlanStatus.CONSOLIDATED.previous(), "consolidate");
        List<PlanEntry> entries = plans.entries(year, AgencyScope.PROVINCE);
        int proposed = 0;
        for (PlanEntry entry : entries) {
            boolean central = procedures.find(entry.procedureCode())
                    .map(p -> p.content().centrallyProvided()).orElse(entry.centrallyProvided());
            if (central != entry.centrallyProvided()) {
                plans.markCentrallyProvided(entry.id(), central);
            }
            if (central) {
                proposed++;
            }
        }
        plans.moveTo(year, PlanStatus.CONSOLIDATED, clock.instant());
        plans.audit(year, "CONSOLIDATED", null, null, entries.size() + " / " + proposed, actor, clock.instant());
        return plans.find(year).orElseThrow();
    }

    /** Rejects one entry with a reason while the plan is being consolidated. */
    @Transactional
    public PlanEntry reject(int year, long entryId, String reason, String actor) {
        Plan plan = lock(year);
        PlanEntry entry = plans.findEntry(year, entryId, AgencyScope.PROVINCE)
                .orElseThrow(() -> new NotFoundException("planning.error.entry-not-found"));
        requireStatus(plan, PlanStatus.CONSOLIDATED, "reject");
        if (entry.status() != EntryStatus.REGISTERED) {
            throw new ConflictException("planning.error.already-decided", entry.procedureCode());
        }
        String clean = VietnameseText.nfc(reason);
        if (clean == null || clean.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "planning.error.reason-required")));
        }
        if (clean.length() > REASON_MAX) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "validation.too-long", REASON_MAX)));
        }
        plans.reject(entry.id(), clean, actor, clock.instant());
        plans.audit(year, "REJECTED", entry.agencyCode(), entry.procedureCode(), clean, actor, clock.instant());
        return plans.findEntry(year, entryId, AgencyScope.PROVINCE).orElseThrow();
    }

    /**
     * Approves every entry not rejected. Refused while a centrally provided procedure is still
     * undecided: the province must not duplicate it, so its rejection has to be confirmed first.
     */
    @Transactional
    public Plan approve(int year, String actor) {
        Plan plan = lock(year);
        requireStatus(plan, PlanStatus.APPROVED.previous(), "approve");
        List<String> central = new ArrayList<>();
        for (PlanEntry entry : plans.entries(year, AgencyScope.PROVINCE)) {
            if (entry.status() != EntryStatus.REGISTERED) {
                continue;
            }
            boolean now = procedures.find(entry.procedureCode()).map(p -> p.content().centrallyProvided())
                    .orElse(entry.centrallyProvided());
            if (now != entry.centrallyProvided()) {
                plans.markCentrallyProvided(entry.id(), now);
            }
            if (now) {
                central.add(entry.procedureCode());
            }
        }
        if (!central.isEmpty()) {
            throw new ConflictException("planning.error.central-pending", String.join(", ", central));
        }
        int approved = plans.approveUndecided(year, actor, clock.instant());
        plans.moveTo(year, PlanStatus.APPROVED, clock.instant());
        plans.audit(year, "APPROVED", null, null, String.valueOf(approved), actor, clock.instant());
        return plans.find(year).orElseThrow();
    }

    /** Makes an approved plan public. */
    @Transactional
    public Plan publish(int year, String actor) {
        Plan plan = lock(year);
        requireStatus(plan, PlanStatus.PUBLISHED.previous(), "publish");
        plans.moveTo(year, PlanStatus.PUBLISHED, clock.instant());
        int approved = plans.publishedEntries(year).size();
        plans.audit(year, "PUBLISHED", null, null, String.valueOf(approved), actor, clock.instant());
        events.publishEvent(new PlanPublished(year, approved, clock.instant()));
        return plans.find(year).orElseThrow();
    }

    /**
     * Procedures the agency implements and may register (not level 4 yet), matching the text, at most
     * {@code limit}; for the registration page.
     */
    public List<ProcedureSummary> registrable(String agencyCode, String text, int limit) {
        List<ProcedureSummary> found = new ArrayList<>();
        for (int serviceLevel = 3; serviceLevel >= 1 && found.size() < limit; serviceLevel--) {
            found.addAll(procedures.search(new ProcedureQuery(text, agencyCode, null, null, serviceLevel, null, 0,
                    limit - found.size())).items());
        }
        return found;
    }

    /** Today in Vietnam, the day the registration deadline is compared with. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }

    /** Live at level 4: the catalogue's current version is level 4 or full online (Decree 42/2022). */
    static boolean live(Procedure procedure) {
        return procedure.content().serviceLevel() == ServiceLevel.LEVEL_4
                || procedure.content().onlineMode() == vn.dvc.catalogue.OnlineMode.FULL;
    }

    /** The current version of the procedure, if the agency implements it (leads it, or at its level). */
    private Optional<Procedure> implementedBy(String agencyCode, String code) {
        boolean implemented = procedures.search(new ProcedureQuery(code, agencyCode, null, null, null, null, 0, 100))
                .items().stream().anyMatch(s -> s.code().equals(code));
        return implemented ? procedures.find(code) : Optional.empty();
    }

    private Plan lock(int year) {
        return plans.lock(year).orElseThrow(() -> new NotFoundException("planning.error.plan-not-found",
                String.valueOf(year)));
    }

    private void requireRegistrationOpen(Plan plan) {
        requireStatus(plan, PlanStatus.REGISTRATION_OPEN, "register");
        if (!plan.acceptsRegistrationsOn(today())) {
            throw new ConflictException("planning.error.deadline-passed", String.valueOf(plan.year()),
                    plan.registrationDeadline().format(DAY));
        }
    }

    /** The state machine: each action is allowed in exactly one status; anything else is a clear conflict. */
    private static void requireStatus(Plan plan, PlanStatus required, String action) {
        if (plan.status() != required) {
            throw new ConflictException("planning.error.wrong-status", String.valueOf(plan.year()),
                    label(plan.status()), new DefaultMessageSourceResolvable("planning.action." + action),
                    label(required));
        }
    }

    static DefaultMessageSourceResolvable label(PlanStatus status) {
        return new DefaultMessageSourceResolvable("planning.status." + status.name());
    }
}
