package vn.dvc.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;
import vn.dvc.statistics.ProcessingStatistics.AgencyFigures;

/** The public page of processing statistics: the province, then every agency by level, for a chosen period. */
@Controller
class StatisticsPages {

    /** The period fields as typed. */
    record PeriodForm(String from, String to, String level) {
    }

    /** A ready-made period: this month, this quarter, this year, last year. */
    record Preset(String labelKey, String from, String to) {
    }

    /** The agencies of one level and their sum. */
    record LevelTable(AgencyLevel level, List<AgencyFigures> rows, ProcessingFigures total) {
    }

    private final ProcessingStatistics statistics;
    private final Agencies agencies;
    private final Clock clock;
    private final MessageSource messages;

    StatisticsPages(ProcessingStatistics statistics, Agencies agencies, Clock clock, MessageSource messages) {
        this.statistics = statistics;
        this.agencies = agencies;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/statistics")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String level, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        PeriodForm form = new PeriodForm(from, to, level);
        StatisticsPeriod period = null;
        try {
            period = StatisticsPeriod.parse(from, to, null, level, clock, agencies);
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.fieldProblems()) {
                errors.putIfAbsent(p.field(), messages.getMessage(p.messageKey(), p.args().toArray(),
                        LocaleContextHolder.getLocale()));
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        if (period != null) {
            form = new PeriodForm(period.from().toString(), period.to().toString(),
                    period.level() == null ? "" : period.level().name());
            List<AgencyFigures> rows = statistics.byAgency(period.level(), period.from(), period.to());
            List<LevelTable> tables = new ArrayList<>();
            for (AgencyLevel l : AgencyLevel.values()) {
                List<AgencyFigures> ofLevel = rows.stream().filter(r -> r.level() == l).toList();
                if (!ofLevel.isEmpty()) {
                    tables.add(new LevelTable(l, ofLevel,
                            ProcessingStatistics.total(ofLevel, period.from(), period.to())));
                }
            }
            model.addAttribute("period", period);
            model.addAttribute("province", ProcessingStatistics.total(rows, period.from(), period.to()));
            model.addAttribute("tables", tables);
            model.addAttribute("maxReceived", Math.max(1,
                    rows.stream().mapToLong(r -> r.figures().totalReceived()).max().orElse(1)));
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("levels", AgencyLevel.values());
        model.addAttribute("presets", presets(LocalDate.now(clock.withZone(VietnamTime.ZONE))));
        return "statistics/processing";
    }

    static List<Preset> presets(LocalDate today) {
        LocalDate month = today.withDayOfMonth(1);
        LocalDate quarter = month.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        LocalDate year = today.withDayOfYear(1);
        return List.of(new Preset("statistics.preset.month", month.toString(), today.toString()),
                new Preset("statistics.preset.quarter", quarter.toString(), today.toString()),
                new Preset("statistics.preset.year", year.toString(), today.toString()),
                new Preset("statistics.preset.last-year", year.minusYears(1).toString(),
                        year.minusDays(1).toString()));
    }
}
