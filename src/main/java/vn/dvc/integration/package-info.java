/**
 * Integration: the events that leave the system. Dossier and payment events are recorded in the
 * transaction that caused them (a transactional outbox), published to RabbitMQ when a broker is
 * configured (at least once, with publisher confirms) and kept as a feed that other systems (the
 * national portal sync) read with an OAuth2 client-credentials token.
 */

package vn.dvc.integration;
