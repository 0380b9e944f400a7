package vn.dvc.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.dvc.catalogue.ProcedureQuery;
import vn.dvc.catalogue.Procedures;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.organisation.AgencyLevel;

/**
 * Tracking a year's plan against what is live: the level-4 services of the current catalogue (level 4,
 * which full online implies) per agency, level and the province, with their coverage ratio (level-4
 * services over all procedures) against the target (setting {@code app.planning.target-ratio}, 30% by
 * default as in plan 2575/KH-UBND).
 *
 * <p>Behind schedule, once the year is over: an approved service of the published plan that is not
 * live; or fewer level-4 services live than the plan documents say should exist by then (per level:
 * the new builds and upgrades of the years up to this one; for the province, plus the existing
 * ones; per agency, its stated number once the document's period is over). Fewer live services than
 * planned is certain to be late; more is not proof of being on time, so nothing is claimed then.
 */
@Service
public class PlanTracking {

    private final Plans plans;
    private final PlanDocuments documents;
    private final Procedures procedures;
    private final Agencies agencies;
    private final Planning planning;
    private final BigDecimal targetRatio;

    PlanTracking(Plans plans, PlanDocuments documents, Procedures procedures, Agencies agencies, Planning planning,
            @Value("${app.planning.target-ratio:30}") BigDecimal targetRatio) {
        this.plans = plans;
        this.documents = documents;
        this.procedures = procedures;
        this.agencies = agencies;
        this.planning = planning;
        this.targetRatio = targetRatio;
    }

    /** Level-4 services over all procedures, in percent with two decimals; null when there are no procedures. */
    @Schema(name = "PlanCoverage")
    public record Coverage(long procedures, long level4, BigDecimal ratio, boolean belowTarget) {
    }

    /** One approved service of the published plan and whether it is live now. */
    @Schema(name = "PlanServiceProgress")
    public record ServiceProgress(String agencyCode, String procedureCode, String procedureName, BuildKind kind,
            boolean live) {
    }

    /**
     * A level's tracking.
     *
     * @param plannedNewBuilds approved new builds of the published plan at this level
     * @param statedNewBuilds the documents' new builds of this year at this level (null: not stated)
     * @param statedThroughYear the documents' new builds and upgrades of the years up to this one
     */
    @Schema(name = "PlanLevelProgress")
    public record LevelProgress(AgencyLevel level, Coverage coverage, int plannedNewBuilds, int plannedUpgrades,
            int plannedLive, Integer statedNewBuilds, Integer statedUpgrades, Integer statedThroughYear,
            boolean behindSchedule) {

        public int planned() {
            return plannedNewBuilds + plannedUpgrades;
        }
    }

    /**
     * An agency's tracking.
     *
     * @param statedServices the documents' number for this agency over their period (null: not stated)
     */
    @Schema(name = "PlanAgencyProgress")
    public record AgencyProgress(String agencyCode, String agencyName, AgencyLevel level, Coverage coverage,
            int plannedNewBuilds, int plannedUpgrades, int plannedLive, Integer statedServices,
            boolean behindSchedule) {

        public int planned() {
            return plannedNewBuilds + plannedUpgrades;
        }
    }

    /**
     * The province against a plan document.
     *
     * @param expectedLevel4 existing level-4 services plus the new builds and upgrades of the years up to this one
     */
    @Schema(name = "PlanDocumentProgress")
    public record DocumentProgress(String reference, Integer expectedLevel4, long actualLevel4,
            boolean behindSchedule) {
    }

    /** A year's tracking as of a day. */
    @Schema(name = "PlanTrackingReport")
    public record TrackingReport(int year, LocalDate asOf, BigDecimal targetRatio, boolean planPublished,
            Coverage province, List<DocumentProgress> documents, List<LevelProgress> levels,
            List<AgencyProgress> agencies, List<ServiceProgress> services) {

        public boolean yearOver() {
            return asOf.isAfter(LocalDate.of(year, 12, 31));
        }
    }

    /** Tracking of the year, or empty when there is neither a plan nor a document for it. */
    public Optional<TrackingReport> track(int year) {
        Optional<Plan> plan = plans.find(year);
        List<PlanDocument> covering = documents.covering(year);
        if (plan.isEmpty() && covering.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = planning.today();
        boolean yearOver = today.isAfter(LocalDate.of(year, 12, 31));
        List<ServiceProgress> services = plans.publishedEntries(year).stream()
                .map(e -> new ServiceProgress(e.agencyCode(), e.procedureCode(), e.procedureName(), e.kind(),
                        procedures.find(e.procedureCode()).map(Planning::live).orElse(false)))
                .toList();
        Coverage province = coverage(null, null);

        List<DocumentProgress> documentProgress = new ArrayList<>();
        for (PlanDocument document : covering) {
            PlanDocumentContent c = document.content();
            Integer through = throughYear(c, null, year);
            Integer expected = c.existingLevel4() == null || through == null ? null : c.existingLevel4() + through;
            documentProgress.add(new DocumentProgress(c.reference(), expected, province.level4(),
                    yearOver && expected != null && province.level4() < expected));
        }

        Map<String, Agency> agencyByCode = new LinkedHashMap<>();
        services.forEach(s -> agencies.find(s.agencyCode()).ifPresent(a -> agencyByCode.put(a.code(), a)));
        Map<String, Integer> statedByAgency = new LinkedHashMap<>();
        Map<String, Boolean> periodOverByAgency = new LinkedHashMap<>();
        for (PlanDocument document : covering) {
            boolean periodOver = today.isAfter(LocalDate.of(document.content().lastYear(), 12, 31));
            for (PlanArithmetic.LevelFigures level : PlanArithmetic.of(document.content()).levels()) {
                for (PlanArithmetic.Detail detail : level.agencies()) {
                    if (detail.agencyCode() != null) {
                        agencies.find(detail.agencyCode()).ifPresent(a -> agencyByCode.put(a.code(), a));
                        statedByAgency.merge(detail.agencyCode(), detail.total(), Integer::sum);
                        periodOverByAgency.merge(detail.agencyCode(), periodOver, Boolean::logicalOr);
                    }
                }
            }
        }

        List<LevelProgress> levels = new ArrayList<>();
        for (AgencyLevel level : AgencyLevel.values()) {
            List<ServiceProgress> atLevel = services.stream()
                    .filter(s -> agencyByCode.containsKey(s.agencyCode())
                            && agencyByCode.get(s.agencyCode()).level() == level)
                    .toList();
            Coverage coverage = coverage(null, level);
            Integer statedNew = statedYear(covering, level, year, true);
            Integer statedUpgrades = statedYear(covering, level, year, false);
            Integer through = null;
            for (PlanDocument document : covering) {
                Integer own = throughYear(document.content(), level, year);
                through = own == null ? through : (through == null ? 0 : through) + own;
            }
            int live = (int) atLevel.stream().filter(ServiceProgress::live).count();
            boolean behind = yearOver && (live < atLevel.size() || (through != null && coverage.level4() < through));
            levels.add(new LevelProgress(level, coverage, count(atLevel, BuildKind.NEW_BUILD),
                    count(atLevel, BuildKind.UPGRADE), live, statedNew, statedUpgrades, through, behind));
        }

        List<AgencyProgress> agencyRows = new ArrayList<>();
        for (Agency agency : agencyByCode.values()) {
            List<ServiceProgress> own = services.stream().filter(s -> s.agencyCode().equals(agency.code())).toList();
            Coverage coverage = coverage(agency.code(), null);
            int live = (int) own.stream().filter(ServiceProgress::live).count();
            Integer stated = statedByAgency.get(agency.code());
            boolean behind = (yearOver && live < own.size())
                    || (stated != null && periodOverByAgency.getOrDefault(agency.code(), false)
                            && coverage.level4() < stated);
            agencyRows.add(new AgencyProgress(agency.code(), agency.name(), agency.level(), coverage,
                    count(own, BuildKind.NEW_BUILD), count(own, BuildKind.UPGRADE), live, stated, behind));
        }
        return Optional.of(new TrackingReport(year, today, targetRatio, plan.map(Plan::published).orElse(false),
                province, documentProgress, levels, agencyRows, services));
    }

    public BigDecimal targetRatio() {
        return targetRatio;
    }

    private Coverage coverage(String agencyCode, AgencyLevel level) {
        long all = procedures.search(new ProcedureQuery(null, agencyCode, level, null, null, null, 0, 1)).total();
        long level4 = procedures.search(new ProcedureQuery(null, agencyCode, level, null, 4, null, 0, 1)).total();
        BigDecimal ratio = all == 0 ? null : BigDecimal.valueOf(level4 * 100).divide(BigDecimal.valueOf(all), 2,
                RoundingMode.HALF_UP);
        return new Coverage(all, level4, ratio, ratio == null || ratio.compareTo(targetRatio) < 0);
    }

    private static int count(List<ServiceProgress> services, BuildKind kind) {
        return (int) services.stream().filter(s -> s.kind() == kind).count();
    }

    /** The documents' new builds (or upgrades) of this year at this level; null when none states it. */
    private static Integer statedYear(List<PlanDocument> documents, AgencyLevel level, int year, boolean newBuilds) {
        Integer total = null;
        for (PlanDocument document : documents) {
            for (PlanLine line : document.content().lines()) {
                if (line.kind() == PlanLine.Kind.LEVEL && line.level() == level && Integer.valueOf(year).equals(line.year())) {
                    Integer value = newBuilds ? line.newBuilds() : line.upgrades();
                    if (value != null) {
                        total = (total == null ? 0 : total) + value;
                    }
                }
            }
        }
        return total;
    }

    /** New builds and upgrades of the level (null: all levels) in the years up to this one; null when none. */
    private static Integer throughYear(PlanDocumentContent document, AgencyLevel level, int year) {
        Integer total = null;
        for (PlanLine line : document.lines()) {
            if (line.kind() == PlanLine.Kind.LEVEL && line.year() != null && line.year() <= year
                    && (level == null || line.level() == level)) {
                total = (total == null ? 0 : total) + line.yearTotal();
            }
        }
        return total;
    }
}
