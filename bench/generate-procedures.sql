-- Synthetic catalogue for benchmarks: adds :n procedures (codes 8.000001...) cloned from the real
-- demo procedures with a numbered suffix, so that names, fields, agencies and levels keep the real
-- distribution. Labelled as synthetic in demo_note. Never run on a production database.
\set n 50000
begin;
insert into procedure(code, created_at)
select '8.' || lpad(g::text, 6, '0'), now() from generate_series(1, :n) g;

with src as (
    select row_number() over (order by v.id) as rn, v.*
      from procedure_version v join procedure p on p.id = v.procedure_id
     where v.is_current and p.code not like '8.%'
), counted as (select count(*) as total from src)
insert into procedure_version(procedure_id, version_no, is_current, name, field, lead_agency_code, agency_levels,
        service_level, online_mode, centrally_provided, channels, components, source_url, demo_note, search_text,
        created_at, created_by)
select p.id, 1, true, s.name || ' (tổng hợp ' || g || ')', s.field, s.lead_agency_code, s.agency_levels,
       s.service_level, s.online_mode, s.centrally_provided, s.channels, s.components, s.source_url,
       'Dữ liệu tổng hợp cho benchmark', s.search_text || ' tong hop ' || g, now(), 'bench'
  from generate_series(1, :n) g
  join procedure p on p.code = '8.' || lpad(g::text, 6, '0')
  cross join counted
  join src s on s.rn = (g % counted.total) + 1;

insert into procedure_implementation(procedure_version_id, agency_level, agency_code)
select nv.id, i.agency_level, i.agency_code
  from procedure_version nv
  join procedure p on p.id = nv.procedure_id and p.code like '8.%'
  join procedure_version sv on sv.is_current and sv.name = regexp_replace(nv.name, ' \(tổng hợp \d+\)$', '')
       and sv.procedure_id <> nv.procedure_id and sv.created_by <> 'bench'
  join procedure_implementation i on i.procedure_version_id = sv.id
 where nv.created_by = 'bench';
commit;
analyze procedure_version;
analyze procedure_implementation;
select count(*) as current_procedures from procedure_version where is_current;
