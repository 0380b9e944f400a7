package vn.dvc.catalogue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.dvc.catalogue.ImportReport.Phase;
import vn.dvc.catalogue.ImportReport.RowError;
import vn.dvc.catalogue.ProcedureFileReader.NumberedRow;
import vn.dvc.identity.AgencyScope;
import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * Importing a procedure file, all or nothing: every row is checked first, and only a file without a
 * single error is applied, in one transaction. New codes become version 1, changed procedures get a
 * new version, identical ones are left alone. Runs on a background thread so that a page can follow
 * its progress; imports run one at a time, so two files cannot interleave their versions.
 */
@Service
public class ProcedureImport {

    private static final Logger log = LoggerFactory.getLogger(ProcedureImport.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final int PROGRESS_EVERY = 100;
    /** Beyond this the report says how many more there are: a report nobody can read helps nobody. */
    static final int MAX_ERRORS = 1000;

    private final ImportJobs jobs;
    private final Procedures procedures;
    private final ProcedureCatalogue catalogue;
    private final MessageSource messages;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "catalogue-import"));

    ProcedureImport(ImportJobs jobs, Procedures procedures, ProcedureCatalogue catalogue, MessageSource messages,
            JsonMapper json, PlatformTransactionManager transactions, Clock clock) {
        this.jobs = jobs;
        this.procedures = procedures;
        this.catalogue = catalogue;
        this.messages = messages;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Accepts a file and starts importing it in the background.
     *
     * @throws vn.dvc.shared.InvalidInputException when the file is empty, too large or not a CSV, XLSX or JSON file
     */
    public UUID start(String fileName, byte[] content, AgencyScope scope, String actor) {
        FileFormat format = FileFormat.detect(fileName, content);
        UUID id = jobs.start(fileName, format, actor, clock.instant());
        worker.execute(() -> run(id, fileName, format, content, scope, actor));
        return id;
    }

    /** The report of an import the caller started (any import, with the province scope). */
    public Optional<ImportReport> report(UUID id, AgencyScope scope, String actor) {
        return jobs.find(id, scope, actor);
    }

    @PreDestroy
    void stop() {
        // An interrupted import rolls back; the sweep at the next start marks it failed.
        worker.shutdownNow();
    }

    /** A job still running when the application stopped was rolled back with its transaction. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedImports() {
        int failed = jobs.failRunning(List.of(error(0, "", "catalogue.import.error.interrupted")), clock.instant());
        if (failed > 0) {
            log.warn("Marked {} interrupted catalogue import(s) as failed", failed);
        }
    }

    void run(UUID id, String fileName, FileFormat format, byte[] content, AgencyScope scope, String actor) {
        try {
            List<NumberedRow> rows = ProcedureFileReader.read(format, content, json);
            List<Planned> plan = new ArrayList<>();
            List<RowError> errors = check(id, rows, scope, plan);
            if (!errors.isEmpty()) {
                jobs.fail(id, errors, clock.instant());
                return;
            }
            transaction.executeWithoutResult(status -> apply(id, plan, actor, "Nhập từ tệp " + fileName));
        } catch (RuntimeException e) {
            log.error("Catalogue import {} failed", id, e);
            jobs.fail(id, List.of(error(0, "", "catalogue.import.error.unexpected")), clock.instant());
        }
    }

    /** A row that passed its checks, with the content it would publish (kept details merged in). */
    private record Planned(int row, ProcedureContent content) {
    }

    private List<RowError> check(UUID id, List<NumberedRow> rows, AgencyScope scope, List<Planned> plan) {
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        jobs.progress(id, Phase.CHECKING, rows.size(), 0);
        int checked = 0;
        for (NumberedRow row : rows) {
            List<FieldProblem> problems = new ArrayList<>(row.parsed().problems());
            ProcedureContent content = row.parsed().content();
            if (content != null) {
                content = ProcedureCatalogue.normalise(content);
                Integer first = content.code() == null ? null : firstRowOfCode.putIfAbsent(content.code(), row.row());
                if (first != null) {
                    problems.add(new FieldProblem("code", "catalogue.import.error.duplicate", content.code(), first));
                }
                if (problems.isEmpty()) {
                    content = checkContent(content, scope, problems);
                }
            }
            if (problems.isEmpty()) {
                plan.add(new Planned(row.row(), content));
            }
            problems.forEach(p -> errors.add(error(row.row(), p.field(), p.messageKey(), p.args().toArray())));
            if (++checked % PROGRESS_EVERY == 0) {
                jobs.progress(id, Phase.CHECKING, rows.size(), checked);
            }
        }
        jobs.progress(id, Phase.CHECKING, rows.size(), checked);
        if (rows.isEmpty()) {
            errors.add(error(0, "", "catalogue.import.error.no-rows"));
        }
        if (errors.size() > MAX_ERRORS) {
            int more = errors.size() - MAX_ERRORS;
            errors.subList(MAX_ERRORS, errors.size()).clear();
            errors.add(error(0, "", "catalogue.import.error.more", more));
        }
        return errors;
    }

    /**
     * The rules and the editor's scope. A row identical to the current version changes nothing, so it
     * is neither re-checked nor needs authority: a re-imported export passes even where the catalogue
     * holds data the rules would now refuse (an agency since merged, say).
     */
    private ProcedureContent checkContent(ProcedureContent content, AgencyScope scope, List<FieldProblem> problems) {
        Optional<Procedure> current = procedures.find(content.code());
        ProcedureContent merged = keepUnstatedDetails(content, current);
        if (current.isPresent() && sameContent(current.get().content(), merged)) {
            return merged;
        }
        problems.addAll(catalogue.problems(merged));
        if (!scope.all()) {
            if (!scope.covers(merged.leadAgencyCode())) {
                problems.add(new FieldProblem("leadAgencyCode", "catalogue.import.error.scope",
                        merged.leadAgencyCode() == null ? "" : merged.leadAgencyCode()));
            }
            current.filter(p -> !scope.covers(p.content().leadAgencyCode())).ifPresent(p -> problems.add(
                    new FieldProblem("code", "catalogue.import.error.scope-current", p.code())));
        }
        return merged;
    }

    private void apply(UUID id, List<Planned> plan, String actor, String note) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int applied = 0;
        jobs.progress(id, Phase.APPLYING, plan.size(), 0);
        for (Planned row : plan) {
            Optional<Procedure> current = procedures.find(row.content().code());
            if (current.isPresent() && sameContent(current.get().content(), row.content())) {
                unchanged++;
            } else {
                catalogue.publishValidated(row.content(), actor, note);
                if (current.isPresent()) {
                    updated++;
                } else {
                    created++;
                }
            }
            if (++applied % PROGRESS_EVERY == 0) {
                jobs.progress(id, Phase.APPLYING, plan.size(), applied);
            }
        }
        jobs.succeed(id, applied, created, updated, unchanged, clock.instant());
    }

    /**
     * What a file cannot say is kept from the current version: the demo note, each channel's note and
     * the form templates attached to components (matched by case and component name).
     */
    static ProcedureContent keepUnstatedDetails(ProcedureContent imported, Optional<Procedure> current) {
        if (current.isEmpty()) {
            return imported;
        }
        ProcedureContent c = current.get().content();
        List<ChannelTerms> channels = imported.channels().stream().map(t -> new ChannelTerms(t.channel(),
                t.processingTime(), t.timeUnit(), t.fees(), c.channels().stream()
                        .filter(old -> old.channel() == t.channel()).findFirst().map(ChannelTerms::note).orElse(null)))
                .toList();
        Map<String, Long> templates = new HashMap<>();
        c.components().forEach(k -> k.components().stream().filter(d -> d.templateId() != null)
                .forEach(d -> templates.put(k.caseName() + "\n" + d.name(), d.templateId())));
        List<ComponentCase> components = imported.components().stream().map(k -> new ComponentCase(k.caseName(),
                k.components().stream().map(d -> d.withTemplate(templates.get(k.caseName() + "\n" + d.name())))
                        .toList())).toList();
        return new ProcedureContent(imported.code(), imported.name(), imported.field(), imported.leadAgencyCode(),
                imported.implementations(), imported.serviceLevel(), imported.onlineMode(),
                imported.centrallyProvided(), channels, components, imported.steps(), imported.applicants(),
                imported.results(), imported.legalBasis(), imported.conditions(), imported.sourceUrl(), c.demoNote());
    }

    /** Equal as stored: order of implementations and channels and the scale of a time do not matter. */
    static boolean sameContent(ProcedureContent a, ProcedureContent b) {
        return canonical(a).equals(canonical(b));
    }

    private static ProcedureContent canonical(ProcedureContent content) {
        ProcedureContent c = ProcedureCatalogue.normalise(content);
        return new ProcedureContent(c.code(), c.name(), c.field(), c.leadAgencyCode(),
                c.implementations().stream().sorted(Comparator.comparing((Implementation i) -> i.level().name())
                        .thenComparing(i -> i.agencyCode() == null ? "" : i.agencyCode())).toList(),
                c.serviceLevel(), c.onlineMode(), c.centrallyProvided(),
                c.channels().stream().sorted(Comparator.comparing(ChannelTerms::channel))
                        .map(t -> new ChannelTerms(t.channel(), t.processingTime() == null ? null
                                : t.processingTime().stripTrailingZeros(), t.timeUnit(), t.fees(), t.note()))
                        .toList(),
                c.components(), c.steps(), c.applicants(), c.results(), c.legalBasis(), c.conditions(), c.sourceUrl(),
                c.demoNote());
    }

    private RowError error(int row, String column, String key, Object... args) {
        return new RowError(row, column, messages.getMessage(key, args, key, VIETNAMESE));
    }

}
