-- An import first checks every row, then applies them all; the phase tells a progress page which of
-- the two the processed-row count refers to.
alter table catalogue_import
    add column phase varchar(16) not null default 'READING'
        check (phase in ('READING', 'CHECKING', 'APPLYING', 'DONE'));
