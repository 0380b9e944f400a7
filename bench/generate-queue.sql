-- Synthetic dossiers for the reception queue benchmark (bench/queue.sh): adds :n dossiers (default
-- 1,000,000) to ONE agency (:agency, default the Department of Justice 000.00.03.H21) over 2022-01-01 to
-- 2026-11-20, statuses as a desk that has worked for years would have them: 2 % newly submitted (the
-- reception officer's default queue, about 20,000), 6 % in progress, 1 % each supplement / payment
-- requested and stopped, the rest refused, withdrawn, finished or delivered. Codes follow the agency's
-- pattern with the day of submission (at most ~600 a day, so the 4-digit sequence never overflows);
-- existing codes are skipped. Never run on a production database.
-- Usage: psql -v n=1000000 -v agency=000.00.03.H21 -f bench/generate-queue.sql <database>
\set ON_ERROR_STOP on
\if :{?n}
\else
\set n 1000000
\endif
\if :{?agency}
\else
\set agency 000.00.03.H21
\endif
begin;
create temporary table gen_procedure on commit drop as
select v.id, p.code, v.name from procedure_version v join procedure p on p.id = v.procedure_id
 where v.is_current and v.lead_agency_code = :'agency' order by v.id limit 1;
insert into gen_procedure
select v.id, p.code, v.name from procedure_version v join procedure p on p.id = v.procedure_id
 where v.is_current and not exists (select 1 from gen_procedure) order by v.id limit 1;

insert into dossier(code, procedure_version_id, procedure_code, procedure_name, agency_code, applicant_id, channel,
                    status, form, submitted_at, received_at, due_at, finished_at, returned_at)
select :'agency' || '-' || to_char(g.submitted at time zone 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-'
           || lpad((row_number() over (partition by (g.submitted at time zone 'Asia/Ho_Chi_Minh')::date
                                       order by g.n))::text, 4, '0'),
       p.id, p.code, p.name || ' (benchmark)', :'agency', (select min(id) from account),
       g.channel, g.status, '{}'::jsonb, g.submitted,
       case when g.status not in (1, 3) then g.submitted + interval '4 hours' end,
       case when g.status not in (1, 3) then g.submitted + interval '10 days' end,
       case when g.status in (9, 10) then g.submitted + interval '8 days' end,
       case when g.status = 10 then g.submitted + interval '9 days' end
  from (select s.n,
               case when s.r1 < 0.33 then 'ONLINE' when s.r1 < 0.9 then 'DIRECT' else 'POSTAL' end as channel,
               case when s.r2 < 0.02 then 1 when s.r2 < 0.08 then 4 when s.r2 < 0.09 then 5 when s.r2 < 0.10 then 6
                    when s.r2 < 0.11 then 8 when s.r2 < 0.14 then 3 when s.r2 < 0.18 then 7 when s.r2 < 0.40 then 9
                    else 10 end as status,
               timestamptz '2022-01-01 00:00+07' + s.r3 * interval '1784 days' as submitted
          from (select n, random() r1, random() r2, random() r3 from generate_series(1, :n) n) s) g,
       gen_procedure p
on conflict (code) do nothing;
commit;
vacuum analyze dossier;
