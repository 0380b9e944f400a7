/**
 * Calendar: working days (weekly rest, public holidays with compensation days, the government's
 * announced ranges and swapped days, the Vietnamese lunar calendar for years not yet announced),
 * working hours per agency, and the deadline rules of RULES.md §3.
 */
package vn.dvc.calendar;
