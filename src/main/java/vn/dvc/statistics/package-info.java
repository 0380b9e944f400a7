/**
 * Statistics: the public processing figures of report form II.06a (RULES.md §4) per agency, level,
 * procedure and period, kept as daily and monthly counters fed by the dossier events; JSON, CSV and XLSX
 * open data and the public page {@code /statistics}.
 */
package vn.dvc.statistics;
