package vn.dvc.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The province's agencies, read side. Names are those in force on the day asked (today by default). */
@Repository
public class Agencies {

    static final String COLUMNS = """
            select a.id, a.version, a.code, n.name, n.short_name, a.level, a.parent_code, a.unit_code, a.address,
                   a.phone, a.email, a.website, a.valid_from, a.valid_to, a.successor_code, a.demo
              from agency a
            """;

    private static final String SELECT = COLUMNS + """
              join agency_name n on n.agency_id = a.id
                               and n.valid_from <= :day and (n.valid_to is null or n.valid_to > :day)
            """;

    /** The name an agency has on a day, or the last one it had if it no longer exists then. */
    static final String SELECT_LAST_NAME = COLUMNS + """
              join agency_name n on n.agency_id = a.id
                               and n.valid_from = (select max(m.valid_from) from agency_name m
                                                    where m.agency_id = a.id and m.valid_from <= :day)
            """;

    static final String LEVEL_ORDER = "case a.level when 'PROVINCIAL' then 0 when 'DISTRICT' then 1 else 2 end";

    private final JdbcClient jdbc;
    private final Clock clock;

    Agencies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The agency with this code, with the name it has today; empty if unknown. */
    public Optional<Agency> find(String code) {
        return findAsOf(code, today());
    }

    /**
     * The agency as it was on a day (its name then); for an agency that no longer exists, the last
     * name it had.
     */
    public Optional<Agency> findAsOf(String code, LocalDate day) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT_LAST_NAME + " where a.code = :code")
                .param("code", code).param("day", day).query(Agencies::map).optional();
    }

    /**
     * The agencies with these codes, as {@link #find} answers each (unknown codes are left out), by code: one
     * statement for them all.
     */
    public Map<String, Agency> findAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(SELECT_LAST_NAME + " where a.code = any(:codes)")
                .param("codes", codes.toArray(String[]::new)).param("day", today())
                .query(Agencies::map).list().stream().collect(Collectors.toMap(Agency::code, a -> a));
    }

    /** Agencies in force on a day, ordered by level then code; {@code level} null means all levels. */
    public List<Agency> activeOn(LocalDate day, AgencyLevel level) {
        return activeOn(day, level, null);
    }

    /**
     * Agencies in force on a day with the names they had then, ordered by level then code; a null
     * {@code level} or {@code parentCode} does not filter.
     */
    public List<Agency> activeOn(LocalDate day, AgencyLevel level, String parentCode) {
        return jdbc.sql(SELECT + """
                 where a.valid_from <= :day and (a.valid_to is null or a.valid_to > :day)
                   and (cast(:level as varchar) is null or a.level = :level)
                   and (cast(:parent as varchar) is null or a.parent_code = :parent)
                """ + " order by " + LEVEL_ORDER + ", a.code")
                .param("day", day).param("level", level == null ? null : level.name()).param("parent", parentCode)
                .query(Agencies::map).list();
    }

    public List<Agency> active(AgencyLevel level) {
        return activeOn(today(), level);
    }

    /** The agencies directly under this one, in force today. */
    public List<Agency> children(String parentCode) {
        return activeOn(today(), null, parentCode);
    }

    /** Every name the agency has had, oldest first; empty for an unknown code. */
    public List<AgencyName> names(String code) {
        return jdbc.sql("""
                select n.name, n.short_name, n.valid_from, n.valid_to
                  from agency_name n join agency a on a.id = n.agency_id
                 where a.code = :code order by n.valid_from
                """).param("code", code)
                .query((rs, row) -> new AgencyName(rs.getString("name"), rs.getString("short_name"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    /** The audit trail of the agency, most recent first. */
    public List<AgencyChange> changes(String code) {
        return jdbc.sql("""
                select kind, effective, detail, actor, recorded_at from agency_change
                 where agency_code = :code order by recorded_at desc, id desc
                """).param("code", code)
                .query((rs, row) -> new AgencyChange(AgencyChange.Kind.valueOf(rs.getString("kind")),
                        rs.getObject("effective", LocalDate.class), rs.getString("detail"), rs.getString("actor"),
                        rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }

    static Agency map(ResultSet rs, int row) throws SQLException {
        return new Agency(rs.getString("code"), rs.getString("name"), rs.getString("short_name"),
                AgencyLevel.valueOf(rs.getString("level")), rs.getString("parent_code"), rs.getString("unit_code"),
                rs.getString("address"), rs.getString("phone"), rs.getString("email"), rs.getString("website"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getString("successor_code"), rs.getBoolean("demo"));
    }
}
