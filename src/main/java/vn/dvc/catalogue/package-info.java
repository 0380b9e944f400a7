/**
 * Catalogue: the province's administrative procedures as in the national procedure database, with
 * per-channel time limits and fees, dossier components and forms, service levels, versioned so that
 * every dossier keeps the version it was submitted under.
 */
package vn.dvc.catalogue;
