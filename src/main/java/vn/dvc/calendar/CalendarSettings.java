package vn.dvc.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the calendar ({@code app.calendar.*}), with the defaults of RULES.md §3; those
 * marked [M] there are believed but not confirmed in law.
 *
 * @param workingWeek the working days of the week [M]
 * @param morning the default morning session, {@code HH:mm-HH:mm} [I]
 * @param afternoon the default afternoon session [I]
 * @param workingDayHours one working day in working hours [I], to turn budgets in days into hours
 * @param sameDayCutoff a same-day procedure received after this time is due the next working day [S]
 * @param onlineOutsideHoursNextWorkingTime an online submission outside working hours counts as
 *        received at the start of the next working time [S for treasury and customs, M in general]
 * @param lunarNewYearDaysBefore how many of the five days of Tết are the last days of the old lunar
 *        year, when Tết of a year is not announced (our rule: 1, the last day of the 12th month)
 * @param refresh how long a calendar read from the database is kept; changes made on this instance
 *        apply at once, changes made on another instance after at most this long
 */
@ConfigurationProperties("app.calendar")
record CalendarSettings(
        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> workingWeek,
        @DefaultValue("07:00-11:30") String morning,
        @DefaultValue("13:30-17:00") String afternoon,
        @DefaultValue("8") int workingDayHours,
        @DefaultValue("15:00") String sameDayCutoff,
        @DefaultValue("true") boolean onlineOutsideHoursNextWorkingTime,
        @DefaultValue("1") int lunarNewYearDaysBefore,
        @DefaultValue("PT1M") Duration refresh) {

    WorkingHours defaultHours() {
        return WorkingHours.parse(morning, afternoon);
    }

    LocalTime cutoff() {
        return LocalTime.parse(sameDayCutoff.strip());
    }
}
