/**
 * Deadlines and the end of a dossier's chain: warnings to the officers before a dossier is due (scheduled, by
 * mail), early / on time / late for finished dossiers, the apology and new appointment (Circular 01/2018 form
 * 04), the return of the result (online, at the counter, by post with tracking) and the tracking book of a
 * reception desk (form 06, PDF and XLSX).
 */
package vn.dvc.deadline;
