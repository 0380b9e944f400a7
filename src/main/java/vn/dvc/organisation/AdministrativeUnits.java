package vn.dvc.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Administrative units over time: what existed on a day, and what each unit was formed from. */
@Repository
public class AdministrativeUnits {

    private static final String COLUMNS = """
            select u.code, u.name, u.unit_type, u.level, u.parent_code, u.valid_from, u.valid_to
              from administrative_unit u
            """;
    private static final String IN_FORCE = " u.valid_from <= :day and (u.valid_to is null or u.valid_to > :day) ";

    private final JdbcClient jdbc;

    AdministrativeUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The units in force on a day, by code; {@code level} null means all levels. */
    public List<AdministrativeUnit> asOf(LocalDate day, AdministrativeUnit.Level level) {
        return jdbc.sql(COLUMNS + " where" + IN_FORCE + """
                   and (cast(:level as varchar) is null or u.level = :level)
                 order by u.code
                """).param("day", day).param("level", level == null ? null : level.name())
                .query(AdministrativeUnits::map).list();
    }

    /** The unit with this code on a day, if one was in force. */
    public Optional<AdministrativeUnit> find(String code, LocalDate day) {
        return jdbc.sql(COLUMNS + " where u.code = :code and" + IN_FORCE).param("code", code).param("day", day)
                .query(AdministrativeUnits::map).optional();
    }

    /**
     * The units that the unit with this code (as it was on the day) was formed from, such as the
     * communes merged on 1 July 2025; empty for a unit that was not formed from others.
     */
    public List<AdministrativeUnit.Predecessor> lineage(String code, LocalDate day) {
        return jdbc.sql("""
                select p.code, p.name, p.unit_type, p.level, p.parent_code, p.valid_from, p.valid_to, l.partial
                  from administrative_unit u
                  join administrative_unit_lineage l on l.successor_id = u.id
                  join administrative_unit p on p.id = l.predecessor_id
                 where u.code = :code and""" + IN_FORCE + """
                 order by p.code
                """).param("code", code).param("day", day)
                .query((rs, row) -> new AdministrativeUnit.Predecessor(map(rs, row), rs.getBoolean("partial")))
                .list();
    }

    private static AdministrativeUnit map(ResultSet rs, int row) throws SQLException {
        return new AdministrativeUnit(rs.getString("code"), rs.getString("name"), rs.getString("unit_type"),
                AdministrativeUnit.Level.valueOf(rs.getString("level")), rs.getString("parent_code"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
    }
}
