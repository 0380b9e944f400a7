/**
 * Satisfaction: the applicant's one rating of how a dossier was handled, after its result was delivered
 * (not satisfied / satisfied / very satisfied, a comment, the nine indicators of Circular 01/2018 as in
 * RULES.md §5), and the figures per agency, procedure and period ({@code /statistics/satisfaction},
 * {@code /api/v1/statistics/satisfaction}).
 */
package vn.dvc.satisfaction;
