package vn.dvc.processing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;

import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.Role;
import vn.dvc.reception.DueSoon;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.PageResult;

/**
 * The officer's work list ("Hồ sơ cần xử lý"): open steps of dossiers in progress at the officer's agency, held
 * by the officer or waiting in the pool of one of their roles; leaders and agency administrators may list every
 * open step of the agency. Reads {@code dossier} for the code, procedure and due time (read-only).
 */
@Repository
class WorkList {

    /** A line of the work list. */
    record Item(String dossierCode, String procedureName, Instant dossierDueAt, DossierStep step) {
    }

    private final JdbcClient jdbc;
    private final DueSoon dueSoon;
    private final Clock clock;

    WorkList(JdbcClient jdbc, DueSoon dueSoon, Clock clock) {
        this.jdbc = jdbc;
        this.dueSoon = dueSoon;
        this.clock = clock;
    }

    /**
     * One page of the list; {@code due} is empty, {@code soon} (the step is due within the lead time of
     * {@link DueSoon}) or {@code overdue} (its due time has passed).
     */
    PageResult<Item> list(AccountPrincipal officer, String scope, String stepName, String due, int page, int size) {
        String agency = Processing.agency(officer);
        Map<String, Object> params = new HashMap<>();
        params.put("agency", agency);
        params.put("me", officer.getUsername());
        List<String> roles = officer.roles().stream().filter(ProcessDefinitions.STEP_ROLES::contains).map(Role::name)
                .toList();
        params.put("roles", roles.isEmpty() ? List.of("-") : roles);
        String which = scope == null || scope.isBlank() ? "all" : scope;
        String filter = switch (which) {
            case "all" -> " and (s.assignee = :me or (s.assignee is null and s.role in (:roles)))";
            case "mine" -> " and s.assignee = :me";
            case "pool" -> " and s.assignee is null and s.role in (:roles)";
            case "agency" -> {
                if (!officer.has(Role.LEADER) && !officer.has(Role.AGENCY_ADMIN)) {
                    throw new AccessDeniedException("only leaders and agency administrators see every step");
                }
                yield "";
            }
            default -> throw new InvalidInputException("processing.work.filter-unknown", "scope=" + which);
        };
        StringBuilder where = new StringBuilder("""
                 from dossier_step s join dossier d on d.id = s.dossier_id
                 where s.agency_code = :agency and s.ended_at is null and d.status = 4""").append(filter);
        if (stepName != null && !stepName.isBlank()) {
            where.append(" and s.name = :step");
            params.put("step", stepName.strip());
        }
        Instant now = clock.instant();
        switch (due == null ? "" : due.strip()) {
            case "" -> { }
            case "soon" -> {
                where.append(" and s.due_at >= :now and s.due_at <= :limit");
                params.put("now", Timestamp.from(now));
                params.put("limit", Timestamp.from(dueSoon.limit(now, agency)));
            }
            case "overdue" -> {
                where.append(" and s.due_at < :now");
                params.put("now", Timestamp.from(now));
            }
            default -> throw new InvalidInputException("processing.work.filter-unknown", "due=" + due);
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        params.put("pageSize", size);
        params.put("offset", (long) page * size);
        List<Item> items = jdbc.sql("""
                select s.id, s.dossier_id, s.ordinal, s.name, s.role, s.assignee, s.started_at, s.started_by, s.due_at,
                       s.ended_at, s.ended_by, s.outcome, s.note, d.code, d.procedure_name, d.due_at as dossier_due
                """ + where + " order by s.due_at, s.id limit :pageSize offset :offset")
                .params(params)
                .query((rs, n) -> {
                    Timestamp dossierDue = rs.getTimestamp("dossier_due");
                    return new Item(rs.getString("code"), rs.getString("procedure_name"),
                            dossierDue == null ? null : dossierDue.toInstant(), Processing.map(rs, n));
                })
                .list();
        return new PageResult<>(items, total, page, size);
    }

    /** The names of the open steps at the officer's agency (for the step filter). */
    List<String> stepNames(AccountPrincipal officer) {
        return jdbc.sql("select distinct name from dossier_step where agency_code = ? and ended_at is null order by name")
                .param(Processing.agency(officer)).query(String.class).list();
    }
}
