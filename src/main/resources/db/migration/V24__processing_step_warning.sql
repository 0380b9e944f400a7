-- A warning mailed to the holder of a dossier's step (or its role's pool) before the step is due: one per
-- step stay, so that several instances and repeated runs never warn twice.
create table processing_step_warning (
    step_id    bigint      primary key references dossier_step (id),
    warned_at  timestamptz not null,
    recipients int         not null
);
