package vn.dvc.planning;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.planning.PlanArithmetic.Comparison;
import vn.dvc.planning.PlanArithmetic.Subject;

/**
 * The consistency checks of a year: every stated figure of the documents covering the year compared
 * with the sum of its parts ({@link PlanArithmetic}), and, once the year's plan is published, each
 * level's stated new builds and upgrades of that year compared with the approved entries.
 */
@Service
public class PlanChecks {

    private final PlanDocuments documents;
    private final Plans plans;
    private final Agencies agencies;
    private final MessageSource messages;

    PlanChecks(PlanDocuments documents, Plans plans, Agencies agencies, MessageSource messages) {
        this.documents = documents;
        this.plans = plans;
        this.agencies = agencies;
        this.messages = messages;
    }

    /** Every comparison made for a document in a year, matching or not, in the document's order. */
    public List<Comparison> comparisons(PlanDocumentContent document, int year) {
        List<Comparison> all = new ArrayList<>(PlanArithmetic.of(document).comparisons());
        all.addAll(againstPublishedPlan(document, year));
        return all;
    }

    /** What does not add up in the year, described in the locale's language. */
    public List<PlanCheck> checks(int year, Locale locale) {
        List<PlanCheck> checks = new ArrayList<>();
        for (PlanDocument document : documents.covering(year)) {
            for (Comparison comparison : comparisons(document.content(), year)) {
                if (!comparison.matches()) {
                    checks.add(describe(document.reference(), comparison, locale));
                }
            }
        }
        return checks;
    }

    /** A comparison as the reader sees it. */
    public PlanCheck describe(String reference, Comparison c, Locale locale) {
        String level = c.level() == null ? "" : messages.getMessage("planning.level." + c.level().name(), null, locale);
        String where = messages.getMessage("planning.check.where." + c.subject().name(),
                new Object[] {reference, level, c.name() == null ? "" : c.name(),
                        c.year() == null ? "" : String.valueOf(c.year())}, locale);
        String message;
        if (c.subject() == Subject.RATIO) {
            message = messages.getMessage("planning.check.message.ratio", new Object[] {format(c.stated(), locale),
                    format(c.parts().get(0), locale), format(c.parts().get(1), locale), format(c.computed(), locale)},
                    locale);
        } else if (c.subject() == Subject.REGISTERED_NEW_BUILDS || c.subject() == Subject.REGISTERED_UPGRADES) {
            message = messages.getMessage("planning.check.message.registered",
                    new Object[] {format(c.stated(), locale), format(c.computed(), locale)}, locale);
        } else {
            String parts = c.parts().stream().map(p -> format(p, locale)).collect(Collectors.joining(" + "));
            message = messages.getMessage(c.statedIsSum() ? "planning.check.message.sum-of-years"
                    : "planning.check.message.sum", new Object[] {format(c.stated(), locale), parts,
                    format(c.computed(), locale)}, locale);
        }
        return new PlanCheck(where, c.stated(), c.computed(), message);
    }

    /** A number as written in the locale, with the decimals it has (32,99 in Vietnamese, 32.99 in English). */
    public static String format(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(Math.max(value.scale(), 0));
        format.setMaximumFractionDigits(Math.max(value.scale(), 0));
        return format.format(value);
    }

    /** The document's figures for the year against the published plan's approved entries, per level. */
    private List<Comparison> againstPublishedPlan(PlanDocumentContent document, int year) {
        if (plans.find(year).filter(Plan::published).isEmpty()) {
            return List.of();
        }
        Map<AgencyLevel, List<PlanEntry>> approved = plans.publishedEntries(year).stream()
                .collect(Collectors.groupingBy(e -> agencies.find(e.agencyCode()).map(Agency::level)
                        .orElse(AgencyLevel.PROVINCIAL)));
        List<Comparison> comparisons = new ArrayList<>();
        for (PlanLine line : document.lines()) {
            if (line.kind() != PlanLine.Kind.LEVEL || line.year() == null || line.year() != year) {
                continue;
            }
            List<PlanEntry> entries = approved.getOrDefault(line.level(), List.of());
            if (line.newBuilds() != null) {
                comparisons.add(registered(Subject.REGISTERED_NEW_BUILDS, line, line.newBuilds(), entries,
                        BuildKind.NEW_BUILD));
            }
            if (line.upgrades() != null) {
                comparisons.add(registered(Subject.REGISTERED_UPGRADES, line, line.upgrades(), entries,
                        BuildKind.UPGRADE));
            }
        }
        return comparisons;
    }

    private static Comparison registered(Subject subject, PlanLine line, int stated, List<PlanEntry> entries,
            BuildKind kind) {
        long count = entries.stream().filter(e -> e.kind() == kind).count();
        return new Comparison(subject, line.level(), null, line.year(), false, BigDecimal.valueOf(stated),
                BigDecimal.valueOf(count), List.of(BigDecimal.valueOf(count)));
    }
}
