/**
 * Electronic results (Decree 45/2020, art. 14(3)): the result PDF of a dossier, numbered
 * {@code <dossier code>-KQ<n>}, stamped with a visible signature block and a QR code, signed by the
 * agency's key (PAdES baseline B, detached CMS); the applicant's download, the public verification
 * ({@code /verify}), and the inspection of signed PDFs that applicants upload.
 */
package vn.dvc.result;
