/**
 * Payment: online payment of a dossier's fees through VNPay's protocol (signed redirect, IPN that alone
 * changes state, display-only return page), a built-in sandbox gateway, and the expiry of unpaid orders.
 */
package vn.dvc.payment;
