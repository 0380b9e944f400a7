package vn.dvc.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan document exactly as written (e.g. 2575/KH-UBND): its baseline, its stated totals and ratio,
 * and its lines. Nothing here is corrected; {@link PlanArithmetic} says what does not add up.
 *
 * @param proceduresTotal the number of administrative procedures the ratio is taken over
 * @param existingLevel4 level-4 services already provided when the plan was written
 * @param targetRatio the minimum ratio the plan aims at, in percent
 * @param statedTotal the stated number of level-4 services to build over the period (all levels)
 * @param statedProvidedTotal the stated number of level-4 services provided at the end, existing ones included
 * @param statedRatio the stated ratio of level-4 services to procedures, in percent, with the precision written
 */
public record PlanDocumentContent(String reference, String title, LocalDate issuedOn, int firstYear, int lastYear,
        int proceduresTotal, Integer existingLevel3, Integer existingLevel4, BigDecimal targetRatio,
        Integer statedTotal, Integer statedProvidedTotal, BigDecimal statedRatio, List<PlanLine> lines) {

    public PlanDocumentContent {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public boolean covers(int year) {
        return year >= firstYear && year <= lastYear;
    }
}
