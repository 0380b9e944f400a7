/**
 * Notification: e-mails to applicants and officers through a transactional outbox, sent by a real
 * SMTP server (an in-process sandbox server on the embedded default) and retried until delivered.
 */
package vn.dvc.notification;
