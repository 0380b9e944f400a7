package vn.dvc.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.organisation.AgencyLevel;

/**
 * The consolidated plan of a year as the public sees it (CONTRACT.md {@code GET /api/v1/plans/{year}}):
 * the approved services of the published plan per level and agency, and the documents covering the
 * year with their stated figures beside the computed ones. Entries of a plan not yet published are
 * never shown here.
 */
@Component
class PlanViews {

    private final Plans plans;
    private final PlanDocuments documents;
    private final Agencies agencies;

    PlanViews(Plans plans, PlanDocuments documents, Agencies agencies) {
        this.plans = plans;
        this.documents = documents;
        this.agencies = agencies;
    }

    /** A year in the list of plans. */
    record PlanSummary(int year, PlanStatus status, LocalDate registrationDeadline, List<String> documents) {
    }

    record PlanView(int year, PlanStatus status, LocalDate registrationDeadline, Instant publishedAt,
            List<PlanLevelView> levels, List<PlanAgencyView> agencies, List<PlanDocumentView> documents) {
    }

    record PlanLevelView(AgencyLevel level, int newBuilds, int upgrades, long estimatedBudgetVnd) {
    }

    record PlanAgencyView(String agencyCode, String agencyName, AgencyLevel level, int newBuilds, int upgrades,
            long estimatedBudgetVnd, List<PlanServiceView> services) {
    }

    record PlanServiceView(String procedureCode, String procedureName, BuildKind kind, long estimatedBudgetVnd,
            String owner) {
    }

    record PlanYearView(int year, Integer newBuilds, Integer upgrades) {
    }

    record PlanDetailView(String name, String agencyCode, Integer statedServices, Integer computedServices,
            List<PlanYearView> years) {
    }

    /** A level of a document: its stated total beside its sums by year, by agency and by field. */
    record PlanDocumentLevelView(AgencyLevel level, Integer statedTotal, Integer totalByYears, Integer totalByAgencies,
            Integer totalByFields, List<PlanYearView> years, List<PlanDetailView> agencies, List<PlanDetailView> fields) {
    }

    record PlanDocumentView(String reference, String title, LocalDate issuedOn, int firstYear, int lastYear,
            int proceduresTotal, Integer existingLevel3, Integer existingLevel4, BigDecimal targetRatio,
            Integer statedTotal, int computedTotal, Integer statedProvidedTotal, Integer computedProvidedTotal,
            BigDecimal statedRatio, BigDecimal computedRatio, List<PlanDocumentLevelView> levels) {
    }

    /** Every year with a plan or covered by a document, the latest first. */
    List<PlanSummary> years() {
        Map<Integer, PlanSummary> years = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (Plan plan : plans.all()) {
            years.put(plan.year(), new PlanSummary(plan.year(), plan.status(), plan.registrationDeadline(),
                    new ArrayList<>()));
        }
        for (PlanDocument document : documents.all()) {
            for (int year = document.content().firstYear(); year <= document.content().lastYear(); year++) {
                years.computeIfAbsent(year, y -> new PlanSummary(y, null, null, new ArrayList<>())).documents()
                        .add(document.reference());
            }
        }
        return years.values().stream().map(s -> new PlanSummary(s.year(), s.status(), s.registrationDeadline(),
                List.copyOf(s.documents()))).toList();
    }

    Optional<PlanView> view(int year) {
        Optional<Plan> plan = plans.find(year);
        List<PlanDocument> covering = documents.covering(year);
        if (plan.isEmpty() && covering.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<PlanEntry>> byAgency = new LinkedHashMap<>();
        plans.publishedEntries(year).forEach(e -> byAgency.computeIfAbsent(e.agencyCode(), a -> new ArrayList<>()).add(e));
        List<PlanAgencyView> agencyViews = new ArrayList<>();
        for (Map.Entry<String, List<PlanEntry>> entry : byAgency.entrySet()) {
            Optional<Agency> agency = agencies.find(entry.getKey());
            List<PlanEntry> own = entry.getValue();
            agencyViews.add(new PlanAgencyView(entry.getKey(), agency.map(Agency::name).orElse(entry.getKey()),
                    agency.map(Agency::level).orElse(AgencyLevel.PROVINCIAL), count(own, BuildKind.NEW_BUILD),
                    count(own, BuildKind.UPGRADE), own.stream().mapToLong(PlanEntry::estimatedBudgetVnd).sum(),
                    own.stream().map(e -> new PlanServiceView(e.procedureCode(), e.procedureName(), e.kind(),
                            e.estimatedBudgetVnd(), e.owner())).toList()));
        }
        agencyViews.sort(java.util.Comparator.comparing(PlanAgencyView::level).thenComparing(PlanAgencyView::agencyCode));
        List<PlanLevelView> levelViews = new ArrayList<>();
        for (AgencyLevel level : AgencyLevel.values()) {
            List<PlanAgencyView> atLevel = agencyViews.stream().filter(a -> a.level() == level).toList();
            if (!atLevel.isEmpty()) {
                levelViews.add(new PlanLevelView(level, atLevel.stream().mapToInt(PlanAgencyView::newBuilds).sum(),
                        atLevel.stream().mapToInt(PlanAgencyView::upgrades).sum(),
                        atLevel.stream().mapToLong(PlanAgencyView::estimatedBudgetVnd).sum()));
            }
        }
        return Optional.of(new PlanView(year, plan.map(Plan::status).orElse(null),
                plan.map(Plan::registrationDeadline).orElse(null), plan.map(Plan::publishedAt).orElse(null),
                levelViews, agencyViews, covering.stream().map(PlanViews::document).toList()));
    }

    static PlanDocumentView document(PlanDocument document) {
        PlanDocumentContent c = document.content();
        PlanArithmetic.Figures figures = PlanArithmetic.of(c);
        return new PlanDocumentView(c.reference(), c.title(), c.issuedOn(), c.firstYear(), c.lastYear(),
                c.proceduresTotal(), c.existingLevel3(), c.existingLevel4(), c.targetRatio(), c.statedTotal(),
                figures.computedTotal(), c.statedProvidedTotal(), figures.computedProvidedTotal(), c.statedRatio(),
                figures.computedRatio(), figures.levels().stream().map(l -> new PlanDocumentLevelView(l.level(),
                        l.statedTotal(), l.yearSum(), l.agencySum(), l.fieldSum(), years(l.years()),
                        l.agencies().stream().map(PlanViews::detail).toList(),
                        l.fields().stream().map(PlanViews::detail).toList())).toList());
    }

    private static PlanDetailView detail(PlanArithmetic.Detail d) {
        return new PlanDetailView(d.name(), d.agencyCode(), d.statedServices(), d.years().isEmpty() ? null
                : d.years().stream().mapToInt(PlanLine::yearTotal).sum(), years(d.years()));
    }

    private static List<PlanYearView> years(List<PlanLine> lines) {
        return lines.stream().map(l -> new PlanYearView(l.year(), l.newBuilds(), l.upgrades())).toList();
    }

    private static int count(List<PlanEntry> entries, BuildKind kind) {
        return (int) entries.stream().filter(e -> e.kind() == kind).count();
    }
}
