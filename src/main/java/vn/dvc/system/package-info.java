/**
 * How the system runs: the embedded PostgreSQL of the default run, web settings (language,
 * security headers), the application's clock, and the loading of demo data on first start, with the demo
 * history played through the other modules' services (ADR 0026).
 */
package vn.dvc.system;
