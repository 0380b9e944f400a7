-- Synthetic dossiers for the statistics benchmark (bench/statistics.sh): adds the dossiers numbered
-- :first .. :last (one chunk; run it once per chunk, each chunk its own transaction), spread evenly over
-- every active agency and the days 2022-01-01 .. 2026-11-20 (1,785 days), over the current procedure
-- versions and the statuses (about 70 % resolved, 5 % withdrawn, 3 % refused, the rest in progress or
-- waiting for reception), a third online. Dossier n has agency n mod A, day (n div A) mod 1785 and
-- number (n div (A * 1785)) + 1 that day, so codes are unique across chunks without sorting (up to
-- A * 1785 * 9999 dossiers); existing codes are skipped. Labelled in the procedure name.
-- Never run on a production database: it turns off the foreign key triggers for its own session
-- (every generated reference is taken from the referenced tables). Afterwards rebuild the statistics:
--   POST /api/v1/admin/statistics/recompute   (as a system administrator, with CSRF)
-- Usage: psql -v first=1 -v last=1000000 -f bench/generate-dossiers.sql <database>
\set ON_ERROR_STOP on
\if :{?first}
\else
\set first 1
\endif
\if :{?last}
\else
\set last 1000000
\endif
set session_replication_role = replica;
begin;
create temporary table gen_agency on commit drop as
select row_number() over (order by code) - 1 as i, code from agency where valid_to is null;
create temporary table gen_procedure on commit drop as
select row_number() over (order by v.id) - 1 as i, v.id, p.code
  from procedure_version v join procedure p on p.id = v.procedure_id where v.is_current;
create temporary table gen_size on commit drop as
select (select count(*) from gen_agency) as agencies, (select count(*) from gen_procedure) as procedures,
       (select min(id) from account) as applicant;

insert into dossier(code, procedure_version_id, procedure_code, procedure_name, agency_code, applicant_id, channel,
                    status, form, submitted_at, received_at, due_at, finished_at, returned_at)
select g.agency || '-' || to_char(g.submitted at time zone 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-'
           || lpad(g.number::text, 4, '0'),
       g.version_id, g.procedure, 'Hồ sơ tổng hợp cho benchmark', g.agency,
       g.applicant, g.channel, g.status, '{}'::jsonb, g.submitted,
       case when g.status not in (1, 3) then g.submitted + g.wait end,
       case when g.status not in (1, 3) then date_trunc('day', g.submitted + g.wait) + make_interval(days => g.days, hours => 17) end,
       case when g.status in (9, 10) then g.submitted + g.wait + g.days * g.speed * interval '1 day' end,
       case when g.status = 10 then g.submitted + g.wait + (g.days * g.speed + 1) * interval '1 day' end
  from (select s.n, a.code as agency, p.id as version_id, p.code as procedure, z.applicant,
               (s.n / z.agencies / 1785) + 1 as number,
               case when s.r1 < 0.33 then 'ONLINE' when s.r1 < 0.9 then 'DIRECT' else 'POSTAL' end as channel,
               case when s.r2 < 0.35 then 9 when s.r2 < 0.70 then 10 when s.r2 < 0.75 then 7 when s.r2 < 0.78 then 3
                    when s.r2 < 0.80 then 1 when s.r2 < 0.90 then 4 when s.r2 < 0.94 then 5 when s.r2 < 0.97 then 6
                    else 8 end as status,
               -- a Vietnam day, between 07:00 and 17:00
               timestamptz '2022-01-01 07:00+07' + ((s.n / z.agencies) % 1785) * interval '1 day'
                   + s.r3 * interval '10 hours' as submitted,
               s.r4 * interval '2 days' as wait,
               1 + floor(s.r5 * 20)::int as days,
               0.3 + s.r6 * 1.1 as speed
          from (select n, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6
                  from generate_series(:first::bigint, :last::bigint) n) s
          cross join gen_size z
          join gen_agency a on a.i = s.n % z.agencies
          join gen_procedure p on p.i = floor(s.r5 * 997 + s.r1 * 13)::int % z.procedures) g
on conflict (code) do nothing;
commit;
