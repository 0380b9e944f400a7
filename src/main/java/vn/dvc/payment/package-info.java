/**
 * Payment: what a dossier owes (its procedure's fee for its channel, or one fee of a schedule chosen in the
 * e-form; amounts requested by officers in status 6) and its online payment through VNPay's protocol (signed
 * redirect, IPN that alone changes state, display-only return page), reconciliation of lost IPNs by querydr,
 * demo e-receipts, and a built-in sandbox gateway.
 */
package vn.dvc.payment;
