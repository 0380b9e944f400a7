package vn.dvc.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;

/**
 * The parameters of a statistics request, checked: a period of Vietnam dates (default: from the first day
 * of this year to today), an optional agency and level. Bad input is one {@link InvalidInputException}.
 */
record StatisticsPeriod(LocalDate from, LocalDate to, String agency, AgencyLevel level) {

    /** The longest period asked at once (in days): longer ones are a mistake or an abuse. */
    static final int MAX_DAYS = 366 * 30;

    static StatisticsPeriod parse(String from, String to, String agency, String level, Clock clock,
            Agencies agencies) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        LocalDate start = date("from", from, today.withDayOfYear(1), problems);
        LocalDate end = date("to", to, today, problems);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                problems.add(new FieldProblem("to", "statistics.validation.order"));
            } else if (start.plusDays(MAX_DAYS).isBefore(end)) {
                problems.add(new FieldProblem("from", "statistics.validation.too-long"));
            }
        }
        String agencyCode = agency == null || agency.isBlank() ? null : agency.strip();
        if (agencyCode != null && agencies.find(agencyCode).isEmpty()) {
            problems.add(new FieldProblem("agency", "statistics.validation.agency", agencyCode));
        }
        AgencyLevel agencyLevel = null;
        if (level != null && !level.isBlank()) {
            try {
                agencyLevel = AgencyLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("level", "statistics.validation.level"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new StatisticsPeriod(start, end, agencyCode, agencyLevel);
    }

    private static LocalDate date(String field, String text, LocalDate byDefault, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return byDefault;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "statistics.validation.date"));
            return null;
        }
    }
}
