package vn.dvc.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import vn.dvc.organisation.AgencyLevel;

/**
 * The sums of a plan document and every comparison of a stated figure with its parts. Pure: the
 * document is never changed, only measured.
 *
 * <p>The rules: a level's stated total is compared with the sum of its years (new builds plus
 * upgrades) and with the sum of its agencies and of its fields (when the level's total is not stated,
 * the sum of its years stands in for it); an agency's or field's stated total with the sum of its
 * years; the stated total of all levels with the levels' totals; the stated number provided at the
 * end with the stated total plus the existing level-4 services; the stated ratio with that number
 * over the procedures, rounded half up to the precision the ratio is written with.
 */
public final class PlanArithmetic {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PlanArithmetic() {
    }

    /** Which stated figure is compared with which parts. */
    public enum Subject {
        /** A level's total against its years. */
        LEVEL_YEARS,
        /** A level's total (or the sum of its years) against its agencies. */
        LEVEL_AGENCIES,
        /** A level's total (or the sum of its years) against its fields. */
        LEVEL_FIELDS,
        /** An agency's or field's total against its years. */
        DETAIL_YEARS,
        /** The total to build against the levels' totals. */
        TOTAL_LEVELS,
        /** The number provided at the end against the total to build plus the existing services. */
        PROVIDED_TOTAL,
        /** The stated ratio against the number provided over the procedures. */
        RATIO,
        /** A level's stated new builds of a year against the approved new builds of the published plan. */
        REGISTERED_NEW_BUILDS,
        /** A level's stated upgrades of a year against the approved upgrades of the published plan. */
        REGISTERED_UPGRADES
    }

    /**
     * One comparison.
     *
     * @param name the agency or field, for {@link Subject#DETAIL_YEARS}
     * @param year the year, for the REGISTERED subjects
     * @param stated the figure as written (for LEVEL_AGENCIES and LEVEL_FIELDS without a stated level
     *        total: the sum of the level's years, see {@code statedIsSum})
     * @param computed the sum of the parts (for RATIO: the ratio computed from the stated figures)
     * @param parts the figures added up, as written
     */
    public record Comparison(Subject subject, AgencyLevel level, String name, Integer year, boolean statedIsSum, BigDecimal stated,
            BigDecimal computed, List<BigDecimal> parts) {

        public Comparison {
            parts = List.copyOf(parts);
        }

        public boolean matches() {
            return stated.compareTo(computed) == 0;
        }
    }

    /** An agency or a field of a level, with its years. */
    public record Detail(PlanLine.Kind kind, String name, String agencyCode, Integer statedServices,
            List<PlanLine> years, int total) {
    }

    /** A level's figures as written and as added up. */
    public record LevelFigures(AgencyLevel level, Integer statedTotal, List<PlanLine> years, Integer yearSum,
            List<Detail> agencies, Integer agencySum, List<Detail> fields, Integer fieldSum) {

        /** The level's total as the document gives it: stated, else its years, else its details. */
        public int total() {
            return statedTotal != null ? statedTotal : yearSum != null ? yearSum
                    : (agencySum == null ? 0 : agencySum) + (fieldSum == null ? 0 : fieldSum);
        }
    }

    /**
     * Everything about a document's arithmetic.
     *
     * @param computedTotal the levels' totals added up
     * @param computedProvidedTotal the stated (else computed) total plus the existing level-4 services;
     *        null when the document does not say how many exist
     * @param computedRatio the number provided (stated, else computed) over the procedures, in percent
     */
    public record Figures(List<LevelFigures> levels, int computedTotal, Integer computedProvidedTotal,
            BigDecimal computedRatio, List<Comparison> comparisons) {

        public List<Comparison> discrepancies() {
            return comparisons.stream().filter(c -> !c.matches()).toList();
        }
    }

    public static Figures of(PlanDocumentContent document) {
        List<Comparison> comparisons = new ArrayList<>();
        List<LevelFigures> levels = new ArrayList<>();
        for (AgencyLevel level : AgencyLevel.values()) {
            List<PlanLine> lines = document.lines().stream().filter(l -> l.level() == level).toList();
            if (!lines.isEmpty()) {
                levels.add(level(level, lines, comparisons));
            }
        }
        int computedTotal = levels.stream().mapToInt(LevelFigures::total).sum();
        if (document.statedTotal() != null && !levels.isEmpty()) {
            comparisons.add(new Comparison(Subject.TOTAL_LEVELS, null, null, null, false, number(document.statedTotal()),
                    number(computedTotal), levels.stream().map(l -> number(l.total())).toList()));
        }
        int toBuild = document.statedTotal() != null ? document.statedTotal() : computedTotal;
        Integer computedProvided = document.existingLevel4() == null ? null : toBuild + document.existingLevel4();
        if (document.statedProvidedTotal() != null && computedProvided != null) {
            comparisons.add(new Comparison(Subject.PROVIDED_TOTAL, null, null, null, false,
                    number(document.statedProvidedTotal()), number(computedProvided),
                    List.of(number(toBuild), number(document.existingLevel4()))));
        }
        Integer provided = document.statedProvidedTotal() != null ? document.statedProvidedTotal() : computedProvided;
        BigDecimal ratio = null;
        if (provided != null && document.proceduresTotal() > 0) {
            int scale = document.statedRatio() == null ? 2 : Math.max(document.statedRatio().scale(), 0);
            ratio = number(provided).multiply(HUNDRED).divide(number(document.proceduresTotal()), scale,
                    RoundingMode.HALF_UP);
            if (document.statedRatio() != null) {
                comparisons.add(new Comparison(Subject.RATIO, null, null, null, false, document.statedRatio(), ratio,
                        List.of(number(provided), number(document.proceduresTotal()))));
            }
        }
        return new Figures(levels, computedTotal, computedProvided, ratio, comparisons);
    }

    private static LevelFigures level(AgencyLevel level, List<PlanLine> lines, List<Comparison> comparisons) {
        Integer statedTotal = lines.stream().filter(l -> l.kind() == PlanLine.Kind.LEVEL && l.year() == null)
                .map(PlanLine::services).filter(Objects::nonNull).findFirst().orElse(null);
        List<PlanLine> years = lines.stream().filter(l -> l.kind() == PlanLine.Kind.LEVEL && l.year() != null)
                .sorted(java.util.Comparator.comparing(PlanLine::year)).toList();
        Integer yearSum = years.isEmpty() ? null : years.stream().mapToInt(PlanLine::yearTotal).sum();
        if (statedTotal != null && yearSum != null) {
            comparisons.add(new Comparison(Subject.LEVEL_YEARS, level, null, null, false, number(statedTotal),
                    number(yearSum), yearParts(years)));
        }
        List<Detail> agencies = details(lines, PlanLine.Kind.AGENCY, comparisons);
        List<Detail> fields = details(lines, PlanLine.Kind.FIELD, comparisons);
        Integer reference = statedTotal != null ? statedTotal : yearSum;
        Integer agencySum = sum(agencies);
        Integer fieldSum = sum(fields);
        if (reference != null && agencySum != null) {
            comparisons.add(new Comparison(Subject.LEVEL_AGENCIES, level, null, null, statedTotal == null,
                    number(reference), number(agencySum), agencies.stream().map(d -> number(d.total())).toList()));
        }
        if (reference != null && fieldSum != null) {
            comparisons.add(new Comparison(Subject.LEVEL_FIELDS, level, null, null, statedTotal == null,
                    number(reference), number(fieldSum), fields.stream().map(d -> number(d.total())).toList()));
        }
        return new LevelFigures(level, statedTotal, years, yearSum, agencies, agencySum, fields, fieldSum);
    }

    private static List<Detail> details(List<PlanLine> lines, PlanLine.Kind kind, List<Comparison> comparisons) {
        Map<String, List<PlanLine>> byName = new LinkedHashMap<>();
        lines.stream().filter(l -> l.kind() == kind).forEach(l -> byName.computeIfAbsent(l.name(), n -> new ArrayList<>()).add(l));
        List<Detail> details = new ArrayList<>();
        for (Map.Entry<String, List<PlanLine>> named : byName.entrySet()) {
            List<PlanLine> own = named.getValue();
            Integer stated = own.stream().filter(l -> l.year() == null).map(PlanLine::services)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            List<PlanLine> years = own.stream().filter(l -> l.year() != null)
                    .sorted(java.util.Comparator.comparing(PlanLine::year)).toList();
            int yearSum = years.stream().mapToInt(PlanLine::yearTotal).sum();
            String agencyCode = own.stream().map(PlanLine::agencyCode).filter(Objects::nonNull).findFirst().orElse(null);
            if (stated != null && !years.isEmpty()) {
                comparisons.add(new Comparison(Subject.DETAIL_YEARS, own.get(0).level(), named.getKey(), null, false,
                        number(stated), number(yearSum), yearParts(years)));
            }
            details.add(new Detail(kind, named.getKey(), agencyCode, stated, years, stated != null ? stated : yearSum));
        }
        return details;
    }

    private static List<BigDecimal> yearParts(List<PlanLine> years) {
        List<BigDecimal> parts = new ArrayList<>();
        for (PlanLine year : years) {
            if (year.newBuilds() != null) {
                parts.add(number(year.newBuilds()));
            }
            if (year.upgrades() != null) {
                parts.add(number(year.upgrades()));
            }
        }
        return parts;
    }

    private static Integer sum(List<Detail> details) {
        return details.isEmpty() ? null : details.stream().mapToInt(Detail::total).sum();
    }

    private static BigDecimal number(int value) {
        return BigDecimal.valueOf(value);
    }
}
