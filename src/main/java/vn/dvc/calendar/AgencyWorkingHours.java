package vn.dvc.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agencies whose working hours differ from the default ({@code agency_working_hours}). */
@Repository
class AgencyWorkingHours {

    private final JdbcClient jdbc;

    AgencyWorkingHours(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every agency's own hours, by agency code. */
    Map<String, WorkingHours> all() {
        Map<String, WorkingHours> hours = new LinkedHashMap<>();
        jdbc.sql("""
                select agency_code, morning_start, morning_end, afternoon_start, afternoon_end
                from agency_working_hours order by agency_code""")
                .query(rs -> {
                    hours.put(rs.getString(1), new WorkingHours(rs.getObject(2, LocalTime.class),
                            rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class),
                            rs.getObject(5, LocalTime.class)));
                });
        return hours;
    }

    void set(String agencyCode, WorkingHours hours, String actor, Instant at) {
        jdbc.sql("""
                insert into agency_working_hours(agency_code, morning_start, morning_end, afternoon_start,
                    afternoon_end, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (agency_code) do update set morning_start = excluded.morning_start,
                    morning_end = excluded.morning_end, afternoon_start = excluded.afternoon_start,
                    afternoon_end = excluded.afternoon_end, recorded_by = excluded.recorded_by,
                    recorded_at = excluded.recorded_at""")
                .params(agencyCode, hours.morningStart(), hours.morningEnd(), hours.afternoonStart(),
                        hours.afternoonEnd(), actor, Timestamp.from(at))
                .update();
    }

    boolean remove(String agencyCode) {
        return jdbc.sql("delete from agency_working_hours where agency_code = ?").param(agencyCode).update() == 1;
    }
}
