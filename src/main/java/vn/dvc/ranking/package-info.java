/**
 * Ranking: the yearly ranking of agencies (plan 2575/KH-UBND) by a weighted score of level-4 deployment
 * against the plan, on-time, online and online-payment ratios and applicant satisfaction, with each
 * component's formula and inputs; and the parts of the Decision 766/QĐ-TTg service index the system's own
 * data can compute. Public page {@code /ranking/{year}}, {@code /api/v1/ranking/{year}} (JSON, CSV, XLSX).
 */
package vn.dvc.ranking;
