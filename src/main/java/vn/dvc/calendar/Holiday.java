package vn.dvc.calendar;

import java.time.LocalDate;

/**
 * The public holidays of the Labour Code 2019, art. 112(1), and "other" for an extra day off the
 * government announces. An announced range names the holidays it is for; it then replaces the
 * computed days (and their compensation days) of those holidays in that year.
 */
enum Holiday {
    /** Tết Dương lịch, 1 January. */
    NEW_YEAR,
    /** Tết Âm lịch (Tết Nguyên đán), five days around the 1st day of the 1st lunar month. */
    LUNAR_NEW_YEAR,
    /** Giỗ Tổ Hùng Vương, the 10th day of the 3rd lunar month. */
    HUNG_KINGS,
    /** Ngày Chiến thắng, 30 April. */
    VICTORY_DAY,
    /** Ngày Quốc tế Lao động, 1 May. */
    LABOUR_DAY,
    /** Quốc khánh, 2 September and one adjacent day (from 2021). */
    NATIONAL_DAY,
    /** An extra day off announced by the government, for no holiday of art. 112. */
    OTHER;

    /**
     * The day of this holiday in a year, to check that an announced range is for the right year; the
     * lunar ones use the Vietnamese lunar calendar. {@code null} for {@link #OTHER}.
     */
    LocalDate legalDay(int year, LunarCalendar lunar) {
        return switch (this) {
            case NEW_YEAR -> LocalDate.of(year, 1, 1);
            case LUNAR_NEW_YEAR -> lunar.newYear(year);
            case HUNG_KINGS -> lunar.toSolar(10, 3, year, false);
            case VICTORY_DAY -> LocalDate.of(year, 4, 30);
            case LABOUR_DAY -> LocalDate.of(year, 5, 1);
            case NATIONAL_DAY -> LocalDate.of(year, 9, 2);
            case OTHER -> null;
        };
    }
}
