/**
 * Documents: stores uploaded files (applicants' attachments, later result PDFs) after checking their
 * size, their type from the content and for viruses, and reads them back verified against their SHA-256;
 * which dossier a document belongs to is the dossier module's business.
 */
package vn.dvc.document;
