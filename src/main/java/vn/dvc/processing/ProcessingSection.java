package vn.dvc.processing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.Dossiers;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.identity.Officers;
import vn.dvc.identity.Role;
import vn.dvc.shared.VietnamTime;

/**
 * What the processing section of the officer's dossier page shows ({@code templates/processing/section.html},
 * placed in the reception module's page by one {@code th:replace}; the template calls
 * {@code @processingSection.of(code)}, so the reception module does not depend on this one).
 */
@Component("processingSection")
public class ProcessingSection {

    /** A step as the page shows it. */
    public record StepLine(int ordinal, String name, Role role, String assignee, ZonedDateTime startedAt,
            String startedBy, ZonedDateTime dueAt, ZonedDateTime endedAt, String endedBy, String outcome, String note,
            String timeliness, boolean open) {
    }

    /** A named officer to hand the dossier to. */
    public record Candidate(String username, String fullName) {
    }

    /** The section: empty ({@code present} false) for a dossier not (yet) in a process or an officer without access. */
    public record View(boolean present, String code, List<StepLine> steps, StepLine current, Set<String> actions,
            List<Candidate> forwardTo, List<Candidate> reassignTo, boolean hasResult, String resultAccept,
            String resultSize, String controlSheetUrl) {
    }

    private static final View NONE = new View(false, null, List.of(), null, Set.of(), List.of(), List.of(), false, "",
            "", null);

    private final Processing processing;
    private final Dossiers dossiers;
    private final Officers officers;
    private final CurrentUser currentUser;
    private final Clock clock;

    ProcessingSection(Processing processing, Dossiers dossiers, Officers officers, CurrentUser currentUser,
            Clock clock) {
        this.processing = processing;
        this.dossiers = dossiers;
        this.officers = officers;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The section of this dossier for the signed-in officer. */
    public View of(String code) {
        Optional<AccountPrincipal> principal = currentUser.principal();
        if (principal.isEmpty() || principal.get().agencyCode() == null) {
            return NONE;
        }
        AccountPrincipal officer = principal.get();
        Optional<Dossier> found = dossiers.findAtAgency(code, officer.agencyCode());
        if (found.isEmpty()) {
            return NONE;
        }
        Dossier d = found.get();
        Optional<Processing.DossierProcess> process = processing.process(d.id());
        if (process.isEmpty()) {
            return NONE;
        }
        Instant now = clock.instant();
        List<StepLine> lines = processing.steps(d.id()).stream().map(s -> line(s, now)).toList();
        DossierStep current = processing.current(d.id()).orElse(null);
        StepLine currentLine = lines.stream().filter(StepLine::open).findFirst().orElse(null);
        Set<String> actions = processing.allowedActions(d, current, officer);
        List<Candidate> forwardTo = List.of();
        List<Candidate> reassignTo = List.of();
        if (current != null) {
            List<ProcessStep> steps = process.get().steps();
            if (actions.contains("forward")) {
                forwardTo = candidates(d.agencyCode(), steps.get(current.ordinal()).role(), null);
            }
            if (actions.contains("reassign")) {
                reassignTo = candidates(d.agencyCode(), current.role(), current.assignee());
            }
        }
        boolean hasResult = dossiers.documents(d.id()).stream().anyMatch(doc -> "RESULT".equals(doc.kind()));
        return new View(true, d.code(), lines, currentLine, actions, forwardTo, reassignTo, hasResult,
                Processing.RESULT_RULES.acceptAttribute(), Processing.RESULT_RULES.sizeLabel(),
                "/processing/dossiers/" + d.code() + "/form05.pdf");
    }

    private List<Candidate> candidates(String agency, Role role, String except) {
        return officers.at(agency, role).stream().filter(o -> !o.username().equals(except))
                .map(o -> new Candidate(o.username(), o.fullName())).toList();
    }

    private StepLine line(DossierStep s, Instant now) {
        return new StepLine(s.ordinal(), s.name(), s.role(), name(s.assignee()), zoned(s.startedAt()),
                name(s.startedBy()), zoned(s.dueAt()), zoned(s.endedAt()), name(s.endedBy()),
                s.outcome() == null ? null : s.outcome().name(), s.note(), s.timeliness(now).name(), s.open());
    }

    private String name(String username) {
        if (username == null) {
            return null;
        }
        return officers.find(username).map(o -> o.fullName() + " (" + o.username() + ")").orElse(username);
    }

    private static ZonedDateTime zoned(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE);
    }
}
