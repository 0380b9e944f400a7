package vn.dvc.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.dvc.identity.AgencyScope;

/**
 * The yearly plans, their entries and their audit trail. Entries are read through an agency scope, so
 * an agency administrator never sees another agency's draft entries.
 */
@Repository
public class Plans {

    private static final String PLAN_COLUMNS = """
            select year, status, registration_deadline, created_at, created_by, consolidated_at, approved_at,
                   published_at
              from plan
            """;

    private static final String ENTRY_COLUMNS = """
            select e.id, p.year, e.agency_code, e.procedure_code, e.procedure_name, e.kind, e.estimated_budget_vnd,
                   e.owner, e.note, e.status, e.centrally_provided, e.rejection_reason, e.decided_by, e.decided_at,
                   e.registered_by, e.registered_at
              from plan_entry e join plan p on p.id = e.plan_id
            """;

    private final JdbcClient jdbc;

    Plans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Plan> find(int year) {
        return jdbc.sql(PLAN_COLUMNS + " where year = ?").param(year).query(Plans::plan).optional();
    }

    /** Every plan, the latest year first. */
    public List<Plan> all() {
        return jdbc.sql(PLAN_COLUMNS + " order by year desc").query(Plans::plan).list();
    }

    /** The entries of a year that the scope may see, by agency then procedure code. */
    public List<PlanEntry> entries(int year, AgencyScope scope) {
        return jdbc.sql(ENTRY_COLUMNS + """
                 where p.year = :year and (:all or e.agency_code = any(:codes))
                 order by e.agency_code, e.procedure_code
                """).param("year", year).param("all", scope.all()).param("codes", scope.codesArray())
                .query(Plans::entry).list();
    }

    /** The approved entries of a published plan; empty while the plan is not public. */
    public List<PlanEntry> publishedEntries(int year) {
        return jdbc.sql(ENTRY_COLUMNS + """
                 where p.year = :year and p.status = 'PUBLISHED' and e.status = 'APPROVED'
                 order by e.agency_code, e.procedure_code
                """).param("year", year).query(Plans::entry).list();
    }

    /** What was done to the plan of a year, oldest first. */
    public List<PlanAuditEntry> audit(int year) {
        return jdbc.sql("""
                select plan_year, action, agency_code, procedure_code, detail, actor, occurred_at
                  from plan_audit where plan_year = ? order by occurred_at, id
                """).param(year)
                .query((rs, row) -> new PlanAuditEntry(rs.getInt("plan_year"), rs.getString("action"),
                        rs.getString("agency_code"), rs.getString("procedure_code"), rs.getString("detail"),
                        rs.getString("actor"), rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    /** The plan, locked until the end of the transaction so that state changes happen one at a time. */
    Optional<Plan> lock(int year) {
        return jdbc.sql(PLAN_COLUMNS + " where year = ? for update").param(year).query(Plans::plan).optional();
    }

    Optional<PlanEntry> findEntry(int year, long id, AgencyScope scope) {
        return jdbc.sql(ENTRY_COLUMNS + """
                 where p.year = :year and e.id = :id and (:all or e.agency_code = any(:codes))
                """).param("year", year).param("id", id).param("all", scope.all()).param("codes", scope.codesArray())
                .query(Plans::entry).optional();
    }

    boolean exists(int year, String agencyCode, String procedureCode) {
        return jdbc.sql("""
                select count(*) from plan_entry e join plan p on p.id = e.plan_id
                 where p.year = ? and e.agency_code = ? and e.procedure_code = ?
                """).params(year, agencyCode, procedureCode).query(Long.class).single() > 0;
    }

    void create(int year, LocalDate deadline, String actor, Instant now) {
        jdbc.sql("""
                insert into plan(year, status, registration_deadline, created_at, created_by)
                values (?, 'REGISTRATION_OPEN', ?, ?, ?)
                """).params(year, deadline, Timestamp.from(now), actor).update();
    }

    void changeDeadline(int year, LocalDate deadline) {
        jdbc.sql("update plan set registration_deadline = ? where year = ?").params(deadline, year).update();
    }

    void moveTo(int year, PlanStatus status, Instant now) {
        String column = switch (status) {
            case CONSOLIDATED -> "consolidated_at";
            case APPROVED -> "approved_at";
            case PUBLISHED -> "published_at";
            case REGISTRATION_OPEN -> throw new IllegalArgumentException("a plan never goes back to registration");
        };
        jdbc.sql("update plan set status = ?, " + column + " = ? where year = ?")
                .params(status.name(), Timestamp.from(now), year).update();
    }

    long insertEntry(int year, String agencyCode, String procedureCode, String procedureName, BuildKind kind,
            long budget, String owner, String note, boolean centrallyProvided, String actor, Instant now) {
        return jdbc.sql("""
                insert into plan_entry(plan_id, agency_code, procedure_code, procedure_name, kind, estimated_budget_vnd,
                                       owner, note, status, centrally_provided, registered_by, registered_at)
                select id, :agency, :procedure, :name, :kind, :budget, :owner, :note, 'REGISTERED', :central, :actor, :now
                  from plan where year = :year
                returning id
                """).param("agency", agencyCode).param("procedure", procedureCode).param("name", procedureName)
                .param("kind", kind.name()).param("budget", budget).param("owner", owner).param("note", note)
                .param("central", centrallyProvided).param("actor", actor).param("now", Timestamp.from(now))
                .param("year", year).query(Long.class).single();
    }

    void deleteEntry(long id) {
        jdbc.sql("delete from plan_entry where id = ?").param(id).update();
    }

    void markCentrallyProvided(long id, boolean centrallyProvided) {
        jdbc.sql("update plan_entry set centrally_provided = ? where id = ?").params(centrallyProvided, id).update();
    }

    void reject(long id, String reason, String actor, Instant now) {
        jdbc.sql("""
                update plan_entry set status = 'REJECTED', rejection_reason = ?, decided_by = ?, decided_at = ?
                 where id = ?
                """).params(reason, actor, Timestamp.from(now), id).update();
    }

    /** Approves every entry of the year not decided yet; returns how many. */
    int approveUndecided(int year, String actor, Instant now) {
        return jdbc.sql("""
                update plan_entry set status = 'APPROVED', decided_by = ?, decided_at = ?
                 where status = 'REGISTERED' and plan_id = (select id from plan where year = ?)
                """).params(actor, Timestamp.from(now), year).update();
    }

    void audit(int year, String action, String agencyCode, String procedureCode, String detail, String actor,
            Instant now) {
        jdbc.sql("""
                insert into plan_audit(plan_year, action, agency_code, procedure_code, detail, actor, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(year, action, agencyCode, procedureCode, detail, actor, Timestamp.from(now)).update();
    }

    private static Plan plan(ResultSet rs, int row) throws SQLException {
        return new Plan(rs.getInt("year"), PlanStatus.valueOf(rs.getString("status")),
                rs.getObject("registration_deadline", LocalDate.class), instant(rs, "created_at"),
                rs.getString("created_by"), instant(rs, "consolidated_at"), instant(rs, "approved_at"),
                instant(rs, "published_at"));
    }

    private static PlanEntry entry(ResultSet rs, int row) throws SQLException {
        return new PlanEntry(rs.getLong("id"), rs.getInt("year"), rs.getString("agency_code"),
                rs.getString("procedure_code"), rs.getString("procedure_name"), BuildKind.valueOf(rs.getString("kind")),
                rs.getLong("estimated_budget_vnd"), rs.getString("owner"), rs.getString("note"),
                EntryStatus.valueOf(rs.getString("status")), rs.getBoolean("centrally_provided"),
                rs.getString("rejection_reason"), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("registered_by"), instant(rs, "registered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
