package vn.dvc.planning;

import java.math.BigDecimal;

/**
 * A figure of a plan that does not add up (CONTRACT.md: {@code GET /api/v1/plans/{year}/checks}).
 *
 * @param where where the figure is: the document, the level, the agency or field, what it is compared with
 * @param expected the figure as the plan states it
 * @param actual the figure computed from its parts
 * @param message what does not add up, in the reader's language
 */
public record PlanCheck(String where, BigDecimal expected, BigDecimal actual, String message) {
}
