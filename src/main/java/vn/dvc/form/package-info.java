/**
 * E-forms: each procedure version carries a form definition that agency administrators edit without
 * code; forms are rendered accessibly, prefilled from the applicant's data and validated on the server
 * with Vietnamese messages.
 */
package vn.dvc.form;
