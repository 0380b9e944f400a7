-- Benchmark set-up (bench/dossier.sh): procedure 9.900001, a copy of birth registration (1.001193)
-- received online by :agencies communes (default 1), with one required component and the generic e-form,
-- so that a submission is a 1 KB form and one file. Prints the receiving agencies' codes, comma-separated.
\set ON_ERROR_STOP on
\if :{?agencies}
\else
\set agencies 1
\endif
begin;
insert into procedure(code, created_at) values ('9.900001', now());
with source as (
    select v.* from procedure_version v join procedure p on p.id = v.procedure_id
     where p.code = '1.001193' and v.is_current
), agency as (
    select code from agency where level = 'COMMUNE' and valid_to is null order by code limit :agencies
), inserted as (
    insert into procedure_version(procedure_id, version_no, is_current, name, field, lead_agency_code, agency_levels,
                                  service_level, online_mode, centrally_provided, channels, components, steps,
                                  applicants, results, legal_basis, conditions, source_url, demo_note, search_text,
                                  created_at, created_by, change_note)
    select (select id from procedure where code = '9.900001'), 1, true, 'Thủ tục đo hiệu năng (benchmark)', s.field,
           s.lead_agency_code, s.agency_levels, 4, 'FULL', false, s.channels,
           '[{"caseName": null, "components": [{"name": "Tờ khai", "originals": 1, "copies": 0, "required": true, "templateId": null}]}]'::jsonb,
           null, null, null, null, null, null, 'benchmark', '9.900001 thu tuc do hieu nang benchmark', now(), 'bench', null
      from source s
    returning id
)
insert into procedure_implementation(procedure_version_id, agency_level, agency_code)
select inserted.id, 'COMMUNE', agency.code from inserted, agency;
commit;
select string_agg(agency_code, ',' order by agency_code) from procedure_implementation i
  join procedure_version v on v.id = i.procedure_version_id join procedure p on p.id = v.procedure_id
 where p.code = '9.900001';
