package vn.dvc.calendar;

import java.time.LocalDate;

/**
 * The Vietnamese lunisolar calendar, computed with Hồ Ngọc Đức's algorithm (new moons and solar terms
 * from Jean Meeus' "Astronomical Algorithms") for a given meridian. Vietnam counts days at UTC+7;
 * the Chinese calendar counts them at UTC+8, which moves a new moon falling between 23:00 and 24:00
 * Vietnam time to the next day and so gives a different Tết in some years (1985, 2007, 2030). A
 * library made for the Chinese calendar is therefore wrong here.
 *
 * <p>Rules: a month starts on the day of a new moon; month 11 is the month containing the winter
 * solstice; a year with 13 months between two months 11 repeats (as leap month) the first month
 * that contains no major solar term. Valid for about 1800–2199.
 */
final class LunarCalendar {

    /** Hours east of Greenwich of Vietnam's legal time. */
    static final double VIETNAM_TIME_ZONE = 7.0;

    private static final double SYNODIC_MONTH = 29.530588853;
    /** Julian day of the new moon of 1900-01-01, the epoch of the lunation numbers k. */
    private static final double NEW_MOON_EPOCH = 2415021.076998695;
    /** Julian day number of 1970-01-01. */
    private static final long JULIAN_DAY_OF_EPOCH = 2440588;
    private static final double DEGREE = Math.PI / 180;

    private final double timeZone;

    LunarCalendar(double timeZone) {
        this.timeZone = timeZone;
    }

    static LunarCalendar vietnam() {
        return new LunarCalendar(VIETNAM_TIME_ZONE);
    }

    /** A day of the lunar calendar; {@code leap} marks the repeated month of a 13-month year. */
    record LunarDate(int day, int month, int year, boolean leap) {
    }

    /** The solar day of a lunar date; fails for a leap month that the year does not have. */
    LocalDate toSolar(int day, int month, int year, boolean leap) {
        if (day < 1 || day > 30 || month < 1 || month > 12) {
            throw new IllegalArgumentException("not a lunar date: " + day + "/" + month + "/" + year);
        }
        long a11;
        long b11;
        if (month < 11) {
            a11 = month11(year - 1);
            b11 = month11(year);
        } else {
            a11 = month11(year);
            b11 = month11(year + 1);
        }
        long k = (long) Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
        int offset = month - 11;
        if (offset < 0) {
            offset += 12;
        }
        if (b11 - a11 > 365) {
            int leapOffset = leapMonthOffset(a11);
            int leapMonth = leapOffset - 2;
            if (leapMonth < 0) {
                leapMonth += 12;
            }
            if (leap && month != leapMonth) {
                throw new IllegalArgumentException("lunar year " + year + " has no leap month " + month);
            }
            if (leap || offset >= leapOffset) {
                offset += 1;
            }
        } else if (leap) {
            throw new IllegalArgumentException("lunar year " + year + " has no leap month");
        }
        long monthStart = newMoonDay(k + offset);
        return fromJulianDay(monthStart + day - 1);
    }

    /** The lunar date of a solar day. */
    LunarDate toLunar(LocalDate date) {
        long dayNumber = julianDay(date);
        long k = (long) Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
        long monthStart = newMoonDay(k + 1);
        // The mean lunation only estimates k: step back to the last new moon on or before the day.
        while (monthStart > dayNumber) {
            k--;
            monthStart = newMoonDay(k + 1);
        }
        int solarYear = date.getYear();
        long a11 = month11(solarYear);
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = solarYear;
            a11 = month11(solarYear - 1);
        } else {
            lunarYear = solarYear + 1;
            b11 = month11(solarYear + 1);
        }
        int day = (int) (dayNumber - monthStart + 1);
        int diff = (int) Math.floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int month = diff + 11;
        if (b11 - a11 > 365) {
            int leapOffset = leapMonthOffset(a11);
            if (diff >= leapOffset) {
                month = diff + 10;
                leap = diff == leapOffset;
            }
        }
        if (month > 12) {
            month -= 12;
        }
        if (month >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(day, month, lunarYear, leap);
    }

    /** The first day of Tết: 1st day of the 1st month of the lunar year that starts in {@code year}. */
    LocalDate newYear(int year) {
        return toSolar(1, 1, year, false);
    }

    /** The day of the k-th new moon after that of 1900-01-01, counted at this calendar's meridian. */
    long newMoonDay(long k) {
        double t = k / 1236.85; // Julian centuries from 1900-01-01 12:00
        double t2 = t * t;
        double t3 = t2 * t;
        double mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEGREE);
        double sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double correction = (0.1734 - 0.000393 * t) * sin(sunAnomaly) + 0.0021 * sin(2 * sunAnomaly)
                - 0.4068 * sin(moonAnomaly) + 0.0161 * sin(2 * moonAnomaly) - 0.0004 * sin(3 * moonAnomaly)
                + 0.0104 * sin(2 * latitude) - 0.0051 * sin(sunAnomaly + moonAnomaly)
                - 0.0074 * sin(sunAnomaly - moonAnomaly) + 0.0004 * sin(2 * latitude + sunAnomaly)
                - 0.0004 * sin(2 * latitude - sunAnomaly) - 0.0006 * sin(2 * latitude + moonAnomaly)
                + 0.0010 * sin(2 * latitude - moonAnomaly) + 0.0005 * sin(2 * moonAnomaly + sunAnomaly);
        // Terrestrial time minus universal time, in days.
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        double newMoon = mean + correction - deltaT;
        return (long) Math.floor(newMoon + 0.5 + timeZone / 24);
    }

    /** The sector (0..11, 30° each, 0 from the spring equinox) of the sun's longitude at the start of a day. */
    int sunLongitudeSector(long julianDay) {
        double t = (julianDay - 2451545.5 - timeZone / 24) / 36525; // Julian centuries from J2000
        double t2 = t * t;
        double meanAnomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(meanAnomaly)
                + (0.019993 - 0.000101 * t) * sin(2 * meanAnomaly) + 0.000290 * sin(3 * meanAnomaly);
        double longitude = (meanLongitude + centre) * DEGREE;
        longitude -= 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
        return (int) Math.floor(longitude / Math.PI * 6);
    }

    /** The first day of the 11th lunar month (the one with the winter solstice) of a solar year. */
    private long month11(int year) {
        long offset = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
        long k = (long) Math.floor(offset / SYNODIC_MONTH);
        long newMoon = newMoonDay(k);
        if (sunLongitudeSector(newMoon) >= 9) { // the solstice is still to come: the month began one moon earlier
            newMoon = newMoonDay(k - 1);
        }
        return newMoon;
    }

    /** In a 13-month year starting at month 11 {@code a11}: how many months after it the leap month comes. */
    private int leapMonthOffset(long a11) {
        long k = (long) Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int sector = sunLongitudeSector(newMoonDay(k + i));
        int last;
        do {
            last = sector;
            i++;
            sector = sunLongitudeSector(newMoonDay(k + i));
        } while (sector != last && i < 14);
        return i - 1;
    }

    private static double sin(double degrees) {
        return Math.sin(degrees * DEGREE);
    }

    static long julianDay(LocalDate date) {
        return date.toEpochDay() + JULIAN_DAY_OF_EPOCH;
    }

    static LocalDate fromJulianDay(long julianDay) {
        return LocalDate.ofEpochDay(julianDay - JULIAN_DAY_OF_EPOCH);
    }
}
