-- Form 02 (Circular 01/2018) says for each item to add or correct whether the original, a certified copy or a
-- photocopy is asked for: one entry per item of `items` (ORIGINAL, CERTIFIED_COPY, PHOTOCOPY or null when not
-- said). Requests made before have none.
alter table dossier_supplement add column item_forms jsonb;
