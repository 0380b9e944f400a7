package vn.dvc.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The province's agencies, read side. Names are those in force on the day asked (today by default). */
@Repository
public class Agencies {

    private static final String SELECT = """
            select a.code, n.name, n.short_name, a.level, a.parent_code, a.unit_code, a.address, a.phone,
                   a.email, a.website, a.valid_from, a.valid_to, a.successor_code, a.demo
              from agency a
              join agency_name n on n.agency_id = a.id
                               and n.valid_from <= :day and (n.valid_to is null or n.valid_to > :day)
            """;

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
        return jdbc.sql("""
                select a.code, n.name, n.short_name, a.level, a.parent_code, a.unit_code, a.address, a.phone,
                       a.email, a.website, a.valid_from, a.valid_to, a.successor_code, a.demo
                  from agency a
                  join agency_name n on n.agency_id = a.id
                 where a.code = :code and n.valid_from <= :day
                 order by n.valid_from desc limit 1
                """).param("code", code).param("day", day).query(Agencies::map).optional();
    }

    /** Agencies in force on a day, ordered by level then code; {@code level} null means all levels. */
    public List<Agency> activeOn(LocalDate day, AgencyLevel level) {
        return jdbc.sql(SELECT + """
                 where a.valid_from <= :day and (a.valid_to is null or a.valid_to > :day)
                   and (cast(:level as varchar) is null or a.level = :level)
                 order by case a.level when 'PROVINCIAL' then 0 when 'DISTRICT' then 1 else 2 end, a.code
                """).param("day", day).param("level", level == null ? null : level.name())
                .query(Agencies::map).list();
    }

    public List<Agency> active(AgencyLevel level) {
        return activeOn(today(), level);
    }

    /** The agencies directly under this one, in force today. */
    public List<Agency> children(String parentCode) {
        return jdbc.sql(SELECT + """
                 where a.parent_code = :parent and (a.valid_to is null or a.valid_to > :day)
                 order by a.code
                """).param("parent", parentCode).param("day", today()).query(Agencies::map).list();
    }

    static Agency map(ResultSet rs, int row) throws SQLException {
        return new Agency(rs.getString("code"), rs.getString("name"), rs.getString("short_name"),
                AgencyLevel.valueOf(rs.getString("level")), rs.getString("parent_code"), rs.getString("unit_code"),
                rs.getString("address"), rs.getString("phone"), rs.getString("email"), rs.getString("website"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getString("successor_code"), rs.getBoolean("demo"));
    }
}
