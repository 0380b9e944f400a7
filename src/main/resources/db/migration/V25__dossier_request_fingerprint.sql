-- What an idempotency key was first used for: the SHA-256 (hex) of the submission's canonical form
-- (procedure, agency, channel, case, form answers with sorted keys, representation, each attachment's
-- component and SHA-256). A later request with the same key and another fingerprint is refused (422).
-- Dossiers submitted before this column existed keep null: their first request is unknown, so a repeat
-- of their key is taken for the same request, as it was then (ADR 0024).
alter table dossier add column request_fingerprint char(64);
