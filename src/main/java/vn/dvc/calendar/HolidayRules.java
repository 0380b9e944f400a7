package vn.dvc.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which days of a year are off: the public holidays of the Labour Code 2019 (art. 112), a compensation
 * day for each holiday that falls on a weekly rest day (art. 111(3)), the ranges the government
 * announced (which replace the computed days of the holidays they are for) and the weekly rest days
 * it made working days. Pure: announcements come in, a {@link YearDays} comes out.
 */
final class HolidayRules {

    /** The first year of the five-day Tết and the rules below (Labour Code 2012, in force 1 May 2013). */
    static final int FIRST_YEAR = 2013;
    /** A sane end; the lunar computation holds until about 2199. */
    static final int LAST_YEAR = 2100;
    /** National Day has an adjacent day off from 2021 (Labour Code 2019, art. 112(1)(đ)). */
    private static final int TWO_DAY_NATIONAL_DAY_FROM = 2021;
    private static final int LUNAR_NEW_YEAR_DAYS = 5;
    /** 2 September on these days takes 1 September as its adjacent day, joining it to a weekend (2022, 2023, 2025). */
    private static final Set<DayOfWeek> NATIONAL_DAY_ADJACENT_BEFORE =
            EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);

    private final Set<DayOfWeek> workingWeek;
    private final int lunarNewYearDaysBefore;
    private final LunarCalendar lunar;

    /**
     * @param workingWeek the days of the weekly working week (Monday–Friday by default, RULES.md §3 [M])
     * @param lunarNewYearDaysBefore how many of the five days of Tết are the last days of the old lunar
     *        year when Tết is not announced (1 by default: the last day of the 12th month and the 1st–4th of
     *        the 1st month)
     */
    HolidayRules(Set<DayOfWeek> workingWeek, int lunarNewYearDaysBefore, LunarCalendar lunar) {
        if (workingWeek.isEmpty()) {
            throw new IllegalArgumentException("the working week has no day");
        }
        if (lunarNewYearDaysBefore < 0 || lunarNewYearDaysBefore >= LUNAR_NEW_YEAR_DAYS) {
            throw new IllegalArgumentException("days of Tết before the lunar new year: 0 to 4");
        }
        this.workingWeek = EnumSet.copyOf(workingWeek);
        this.lunarNewYearDaysBefore = lunarNewYearDaysBefore;
        this.lunar = lunar;
    }

    static boolean supports(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    boolean isWeeklyRestDay(LocalDate day) {
        return !workingWeek.contains(day.getDayOfWeek());
    }

    /**
     * One day off: a holiday's day, a compensation day, or a day of an announced range (then
     * {@code announcement} is set and {@code holiday} is the first holiday it names).
     */
    record OffDay(LocalDate date, Holiday holiday, boolean compensation, Announcement announcement) {
    }

    /** The days off of one calendar year, and the weekly rest days worked in it. */
    record YearDays(int year, Map<LocalDate, OffDay> daysOff, Set<LocalDate> workedRestDays) {
    }

    /**
     * The calendar of {@code year}. {@code announcements} must include those of the years around it
     * (a holiday of one year may spill over into the next, New Year 2023 began on 31/12/2022).
     */
    YearDays year(int year, List<Announcement> announcements) {
        Map<LocalDate, OffDay> off = new TreeMap<>();
        Set<LocalDate> worked = new HashSet<>();
        for (Announcement a : announcements) {
            if (a.kind() == Announcement.Kind.WORKING_DAY) {
                worked.add(a.firstDay());
                continue;
            }
            Holiday first = a.holidays().stream().min(Comparator.naturalOrder()).orElse(Holiday.OTHER);
            for (LocalDate d = a.firstDay(); !d.isAfter(a.lastDay()); d = d.plusDays(1)) {
                off.putIfAbsent(d, new OffDay(d, first, false, a));
            }
        }
        List<OffDay> computed = new ArrayList<>();
        for (int holidayYear = year - 1; holidayYear <= year + 1; holidayYear++) {
            Set<Holiday> announced = announcedHolidays(holidayYear, announcements);
            for (OffDay day : statutory(holidayYear)) {
                if (!announced.contains(day.holiday())) {
                    computed.add(day);
                    off.putIfAbsent(day.date(), day);
                }
            }
        }
        computed.sort(Comparator.comparing(OffDay::date));
        for (OffDay holiday : computed) {
            if (isWeeklyRestDay(holiday.date())) {
                LocalDate next = holiday.date().plusDays(1);
                while (isWeeklyRestDay(next) || off.containsKey(next)) {
                    next = next.plusDays(1);
                }
                off.put(next, new OffDay(next, holiday.holiday(), true, null));
            }
        }
        off.keySet().removeIf(d -> d.getYear() != year || worked.contains(d));
        worked.removeIf(d -> d.getYear() != year);
        return new YearDays(year, Collections.unmodifiableMap(off), Set.copyOf(worked));
    }

    /** The holidays of a year by the law alone, each on its day (no compensation). */
    List<OffDay> statutory(int year) {
        List<OffDay> days = new ArrayList<>();
        days.add(day(LocalDate.of(year, 1, 1), Holiday.NEW_YEAR));
        LocalDate tet = lunar.newYear(year);
        for (int i = -lunarNewYearDaysBefore; i < LUNAR_NEW_YEAR_DAYS - lunarNewYearDaysBefore; i++) {
            days.add(day(tet.plusDays(i), Holiday.LUNAR_NEW_YEAR));
        }
        days.add(day(Holiday.HUNG_KINGS.legalDay(year, lunar), Holiday.HUNG_KINGS));
        days.add(day(LocalDate.of(year, 4, 30), Holiday.VICTORY_DAY));
        days.add(day(LocalDate.of(year, 5, 1), Holiday.LABOUR_DAY));
        LocalDate nationalDay = LocalDate.of(year, 9, 2);
        days.add(day(nationalDay, Holiday.NATIONAL_DAY));
        if (year >= TWO_DAY_NATIONAL_DAY_FROM) {
            days.add(day(NATIONAL_DAY_ADJACENT_BEFORE.contains(nationalDay.getDayOfWeek())
                    ? nationalDay.minusDays(1) : nationalDay.plusDays(1), Holiday.NATIONAL_DAY));
        }
        days.sort(Comparator.comparing(OffDay::date));
        return days;
    }

    private static Set<Holiday> announcedHolidays(int holidayYear, List<Announcement> announcements) {
        Set<Holiday> holidays = EnumSet.noneOf(Holiday.class);
        for (Announcement a : announcements) {
            if (a.kind() == Announcement.Kind.DAYS_OFF && a.holidayYear() == holidayYear) {
                holidays.addAll(a.holidays());
            }
        }
        return holidays;
    }

    private static OffDay day(LocalDate date, Holiday holiday) {
        return new OffDay(date, holiday, false, null);
    }
}
