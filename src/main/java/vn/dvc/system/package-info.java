/**
 * How the system runs: the embedded PostgreSQL of the default run, web settings (language,
 * security headers) and the loading of demo data on first start.
 */
package vn.dvc.system;
