-- Synthetic catalogue for benchmarks: adds :n procedures (codes 8.000001...) cloned from the real
-- demo procedures with a numbered suffix, so that names, fields, agencies and levels keep the real
-- distribution. Labelled as synthetic in demo_note. Never run on a production database.
\set n 50000
begin;
create temporary table clone_source on commit drop as
select g, '8.' || lpad(g::text, 6, '0') as code, s.id as source_id
  from generate_series(1, :n) g
  join (select row_number() over (order by id) as rn, id from procedure_version where is_current) s
    on s.rn = (g % (select count(*) from procedure_version where is_current)) + 1;

insert into procedure(code, created_at) select code, now() from clone_source;

insert into procedure_version(procedure_id, version_no, is_current, name, field, lead_agency_code, agency_levels,
        service_level, online_mode, centrally_provided, channels, components, source_url, demo_note, search_text,
        created_at, created_by, change_note)
select p.id, 1, true, s.name || ' (tổng hợp ' || c.g || ')', s.field, s.lead_agency_code, s.agency_levels,
       s.service_level, s.online_mode, s.centrally_provided, s.channels, s.components, s.source_url,
       'Dữ liệu tổng hợp cho benchmark', s.search_text || ' tong hop ' || c.g, now(), 'bench', c.source_id::text
  from clone_source c
  join procedure p on p.code = c.code
  join procedure_version s on s.id = c.source_id;

insert into procedure_implementation(procedure_version_id, agency_level, agency_code)
select v.id, i.agency_level, i.agency_code
  from procedure_version v
  join procedure_implementation i on i.procedure_version_id = v.change_note::bigint
 where v.created_by = 'bench';
commit;
analyze procedure;
analyze procedure_version;
analyze procedure_implementation;
select count(*) as current_procedures from procedure_version where is_current;
