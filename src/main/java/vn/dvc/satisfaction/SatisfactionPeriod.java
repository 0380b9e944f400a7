package vn.dvc.satisfaction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import vn.dvc.organisation.Agencies;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;

/** A checked period of Vietnam dates (default: this year up to today) and an optional agency. */
record SatisfactionPeriod(LocalDate from, LocalDate to, String agency) {

    static SatisfactionPeriod parse(String from, String to, String agency, Clock clock, Agencies agencies) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        LocalDate start = date("from", from, today.withDayOfYear(1), problems);
        LocalDate end = date("to", to, today, problems);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                problems.add(new FieldProblem("to", "satisfaction.validation.order"));
            } else if (start.plusYears(30).isBefore(end)) {
                problems.add(new FieldProblem("from", "satisfaction.validation.too-long"));
            }
        }
        String code = agency == null || agency.isBlank() ? null : agency.strip();
        if (code != null && agencies.find(code).isEmpty()) {
            problems.add(new FieldProblem("agency", "satisfaction.validation.agency", code));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new SatisfactionPeriod(start, end, code);
    }

    private static LocalDate date(String field, String text, LocalDate byDefault, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return byDefault;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "satisfaction.validation.date"));
            return null;
        }
    }
}
