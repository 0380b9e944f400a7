/**
 * Processing: the agency's internal process (quy trình nội bộ) of a received dossier. Process definitions
 * (an agency default, optionally one per procedure) list ordered steps with a role and a share of the legal
 * processing time; a received dossier moves through them (take, forward, send back, reassign, approve) with
 * every hand-over recorded, and the process control sheet (Circular 01/2018 form 05) is drawn from that record.
 */
package vn.dvc.processing;
