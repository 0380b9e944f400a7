/**
 * Dossier: what an applicant submits online (or an officer registers at the counter), its code in the
 * Circular 01/2018 format, its lifecycle mapped onto the national statuses 1..10, its documents and
 * timeline, drafts, the applicant's pages and API, and the public lookup.
 */
package vn.dvc.dossier;
