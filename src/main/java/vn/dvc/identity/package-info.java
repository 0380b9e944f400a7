/**
 * Identity: accounts, roles, sign-in with throttling, and the agency scope every officer's data
 * access is limited to.
 */
package vn.dvc.identity;
