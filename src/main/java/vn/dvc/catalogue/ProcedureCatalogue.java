package vn.dvc.catalogue;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnameseText;

/**
 * Publishing procedures: adding one and revising one. Every change is a new version; the previous
 * one stays for the dossiers that used it.
 */
@Service
public class ProcedureCatalogue {

    private final Procedures procedures;
    private final FormTemplates templates;
    private final Agencies agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ServiceOfferings offerings;

    ProcedureCatalogue(Procedures procedures, FormTemplates templates, Agencies agencies,
            ApplicationEventPublisher events, Clock clock, ServiceOfferings offerings) {
        this.offerings = offerings;
        this.procedures = procedures;
        this.templates = templates;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    /** Adds a procedure; its lead agency must be in the editor's scope. */
    @Transactional
    public Procedure add(ProcedureContent content, AgencyScope scope, String actor) {
        ProcedureContent clean = normalise(content);
        validate(clean);
        requireScope(clean, scope);
        if (procedures.find(clean.code()).isPresent()) {
            throw new InvalidInputException(List.of(new FieldProblem("code", "catalogue.error.code-taken", clean.code())));
        }
        return publish(clean, null, actor, null);
    }

    /**
     * Revises a procedure the editor manages; {@code basedOnVersion} is the version the editor saw, so
     * that a concurrent edit is refused instead of lost.
     */
    @Transactional
    public Procedure revise(String code, int basedOnVersion, ProcedureContent content, String changeNote,
            AgencyScope scope, String actor) {
        procedures.findManageable(code, scope).orElseThrow(() -> new NotFoundException("catalogue.error.not-found", code));
        ProcedureContent clean = normalise(content.withCode(code));
        validate(clean);
        requireScope(clean, scope);
        return publish(clean, basedOnVersion, actor, VietnameseText.nfc(changeNote));
    }

    /**
     * Attaches an official form to one dossier component: the file is stored and a new version of the
     * procedure points at it (earlier versions keep the form they had).
     */
    @Transactional
    public Procedure attachTemplate(String code, String componentName, String fileName, byte[] content,
            AgencyScope scope, String actor) {
        Procedure current = procedures.findManageable(code, scope)
                .orElseThrow(() -> new NotFoundException("catalogue.error.not-found", code));
        if (content == null || content.length == 0) {
            throw new InvalidInputException(List.of(new FieldProblem("file", "catalogue.error.template-empty")));
        }
        if (content.length > TemplateFiles.MAX_BYTES) {
            throw new InvalidInputException(List.of(new FieldProblem("file", "catalogue.error.template-size", 10)));
        }
        String name = TemplateFiles.safeName(fileName);
        String type = TemplateFiles.contentType(name, content).orElseThrow(() -> new InvalidInputException(
                List.of(new FieldProblem("file", "catalogue.error.template-type"))));
        boolean found = current.content().components().stream().flatMap(k -> k.components().stream())
                .anyMatch(d -> d.name().equals(componentName));
        if (!found) {
            throw new InvalidInputException(List.of(new FieldProblem("component", "catalogue.error.template-component")));
        }
        long templateId = templates.store(code, name, type, content, actor);
        List<ComponentCase> cases = current.content().components().stream()
                .map(k -> new ComponentCase(k.caseName(), k.components().stream()
                        .map(d -> d.name().equals(componentName)
                                ? d.withTemplate(templateId)
                                : d)
                        .toList()))
                .toList();
        return publish(current.content().withComponents(cases), current.versionNo(), actor,
                "Cập nhật mẫu: " + componentName);
    }

    /** Checks content without saving it (imports validate every row before changing anything). */
    public List<FieldProblem> problems(ProcedureContent content) {
        return allProblems(normalise(content));
    }

    /** The content's own rules, then (when those hold) what its level needs from the other modules. */
    private List<FieldProblem> allProblems(ProcedureContent content) {
        List<FieldProblem> problems = new java.util.ArrayList<>(ProcedureRules.check(content, this::activeAgency));
        if (problems.isEmpty()) {
            problems.addAll(offerings.problems(content));
        }
        return problems;
    }

    /** Saves already validated content as the next version; for imports, inside their transaction. */
    Procedure publishValidated(ProcedureContent content, String actor, String changeNote) {
        return publish(normalise(content), null, actor, changeNote);
    }

    private Procedure publish(ProcedureContent content, Integer basedOnVersion, String actor, String changeNote) {
        long versionId = procedures.saveVersion(content, basedOnVersion, actor, changeNote, clock.instant());
        Procedure saved = procedures.findVersion(versionId).orElseThrow();
        events.publishEvent(new ProcedureVersionPublished(saved.code(), versionId, saved.versionNo(),
                content.serviceLevel().number(), content.centrallyProvided()));
        return saved;
    }

    private void validate(ProcedureContent content) {
        List<FieldProblem> problems = allProblems(content);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private void requireScope(ProcedureContent content, AgencyScope scope) {
        if (!scope.all() && !scope.covers(content.leadAgencyCode())) {
            throw new AccessDeniedException("lead agency outside the editor's scope");
        }
    }

    private Agency activeAgency(String code) {
        return agencies.find(code).filter(a -> a.activeOn(java.time.LocalDate.now(clock))).orElse(null);
    }

    /** NFC for every text, blank optional texts as null: what is stored is what is compared and shown. */
    static ProcedureContent normalise(ProcedureContent c) {
        return new ProcedureContent(strip(c.code()), VietnameseText.nfc(c.name()), VietnameseText.nfc(c.field()),
                emptyToNull(strip(c.leadAgencyCode())), c.implementations(), c.serviceLevel(), c.onlineMode(),
                c.centrallyProvided(),
                c.channels().stream().map(t -> new ChannelTerms(t.channel(), t.processingTime(), t.timeUnit(),
                        t.fees() == null ? null : t.fees().stream()
                                .map(f -> new Fee(f.amountVnd(), emptyToNull(VietnameseText.nfc(f.description()))))
                                .toList(),
                        emptyToNull(VietnameseText.nfc(t.note())))).toList(),
                c.components().stream().map(k -> new ComponentCase(emptyToNull(VietnameseText.nfc(k.caseName())),
                        k.components().stream().map(d -> d.withName(VietnameseText.nfc(d.name()))).toList())).toList(),
                text(c.steps()), text(c.applicants()), text(c.results()), text(c.legalBasis()), text(c.conditions()),
                emptyToNull(strip(c.sourceUrl())), text(c.demoNote()));
    }

    private static String text(String value) {
        return emptyToNull(VietnameseText.nfc(value));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
