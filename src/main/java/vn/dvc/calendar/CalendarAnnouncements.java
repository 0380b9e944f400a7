package vn.dvc.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The government's announcements ({@code calendar_announcement}). */
@Repository
class CalendarAnnouncements {

    private static final String COLUMNS = """
            id, kind, array_to_string(holidays, ',') as holidays, first_day, last_day, reason, source,
            recorded_by, recorded_at""";

    private final JdbcClient jdbc;

    CalendarAnnouncements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The announcements with a day in [from, to], in date order. */
    List<Announcement> overlapping(LocalDate from, LocalDate to) {
        return jdbc.sql("select " + COLUMNS + " from calendar_announcement where first_day <= ? and last_day >= ?"
                        + " order by first_day, id")
                .params(to, from).query(CalendarAnnouncements::map).list();
    }

    Optional<Announcement> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from calendar_announcement where id = ?").param(id)
                .query(CalendarAnnouncements::map).optional();
    }

    long add(Announcement a) {
        return jdbc.sql("""
                        insert into calendar_announcement(kind, holidays, first_day, last_day, reason, source,
                            recorded_by, recorded_at)
                        values (?, string_to_array(?, ','), ?, ?, ?, ?, ?, ?) returning id""")
                .params(a.kind().name(), a.holidays().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        a.firstDay(), a.lastDay(), a.reason(), a.source(), a.recordedBy(),
                        Timestamp.from(a.recordedAt()))
                .query(Long.class).single();
    }

    boolean remove(long id) {
        return jdbc.sql("delete from calendar_announcement where id = ?").param(id).update() == 1;
    }

    private static Announcement map(ResultSet rs, int row) throws SQLException {
        String holidays = rs.getString("holidays");
        Set<Holiday> set = EnumSet.noneOf(Holiday.class);
        if (holidays != null && !holidays.isBlank()) {
            Arrays.stream(holidays.split(",")).map(Holiday::valueOf).forEach(set::add);
        }
        Timestamp recordedAt = rs.getTimestamp("recorded_at");
        return new Announcement(rs.getLong("id"), Announcement.Kind.valueOf(rs.getString("kind")), set,
                rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                rs.getString("reason"), rs.getString("source"), rs.getString("recorded_by"),
                recordedAt == null ? Instant.EPOCH : recordedAt.toInstant());
    }
}
