package vn.dvc.statistics;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.shared.VietnamTime;
import vn.dvc.statistics.ProcessingStatistics.AgencyFigures;

/** The public processing statistics of CONTRACT.md (report form II.06a) and the administrators' rebuild. */
@RestController
@Tag(name = "Thống kê", description = "Số liệu tiếp nhận và giải quyết hồ sơ theo mẫu II.06a (public)")
class StatisticsApi {

    private final ProcessingStatistics statistics;
    private final Agencies agencies;
    private final Clock clock;
    private final MessageSource messages;

    StatisticsApi(ProcessingStatistics statistics, Agencies agencies, Clock clock, MessageSource messages) {
        this.statistics = statistics;
        this.agencies = agencies;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/api/v1/statistics/processing")
    @Operation(summary = "The II.06a columns of an agency (or the province, or one level) for a period",
            description = "Received: by the day of receipt. Resolved: finished in the period; early = before the "
                    + "due day, on time = on the due day, late = after it (Vietnam dates). Carried over: received "
                    + "before the period and not finished at its start. In progress: at the end of the period; "
                    + "overdue when due on or before its last day. Refused dossiers are not counted. Withdrawn: "
                    + "withdrawn by the applicant in the period (received and in progress until then, never resolved), "
                    + "stopped: dossiers whose processing the agency stopped (status 8) in the period, likewise; "
                    + "so totalReceived = totalResolved + totalInProgress + withdrawn + stopped. A dossier moved to another "
                    + "agency (a merger) counts there from its receipt.")
    ProcessingFigures processing(
            @Parameter(description = "agency code; absent: the whole province") @RequestParam(required = false)
            String agency,
            @Parameter(description = "first day (YYYY-MM-DD); default the first day of this year")
            @RequestParam(required = false) String from,
            @Parameter(description = "last day, included (YYYY-MM-DD); default today")
            @RequestParam(required = false) String to,
            @Parameter(description = "procedure code: that procedure only") @RequestParam(required = false)
            String procedure,
            @Parameter(description = "PROVINCIAL, DISTRICT or COMMUNE: the agencies of that level (without agency)")
            @RequestParam(required = false) String level) {
        StatisticsPeriod p = StatisticsPeriod.parse(from, to, agency, level, clock, agencies);
        if (p.level() != null && p.agency() == null) {
            return ProcessingStatistics.total(statistics.byAgency(p.level(), p.from(), p.to()), p.from(), p.to());
        }
        String code = procedure == null || procedure.isBlank() ? null : procedure.strip();
        return statistics.figures(p.agency(), code, p.from(), p.to());
    }

    @ApiResponse(responseCode = "200", description = "tệp CSV", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/statistics/processing.csv")
    @Operation(summary = "The II.06a columns of every agency (or of one agency) for a period, as CSV (open data, "
            + "UTF-8 with BOM)")
    void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String level,
            @Parameter(description = "agency code: that agency only") @RequestParam(required = false) String agency,
            HttpServletResponse response) throws IOException {
        List<AgencyFigures> rows = rows(from, to, level, agency);
        download(response, "text/csv;charset=UTF-8", "thong-ke-ho-so.csv");
        StatisticsExport.csv(rows, response.getOutputStream());
    }

    @ApiResponse(responseCode = "200", description = "tệp XLSX", content = @Content(
            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/statistics/processing.xlsx")
    @Operation(summary = "The II.06a columns of every agency (or of one agency) for a period, as an Excel workbook")
    void xlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String level,
            @Parameter(description = "agency code: that agency only") @RequestParam(required = false) String agency,
            HttpServletResponse response) throws IOException {
        List<AgencyFigures> rows = rows(from, to, level, agency);
        download(response, StatisticsExport.XLSX_TYPE, "thong-ke-ho-so.xlsx");
        StatisticsExport.xlsx(rows, response.getOutputStream());
    }

    @ApiResponse(responseCode = "200", description = "tệp PDF", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/statistics/processing.pdf")
    @Operation(summary = "The II.06a columns of every agency (or of one agency) for a period, as a printable A4 "
            + "sheet (PDF) for posting at the counter: by level with sums, the province, the date printed")
    void pdf(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String level,
            @Parameter(description = "agency code: that agency only") @RequestParam(required = false) String agency,
            HttpServletResponse response) throws IOException {
        StatisticsPeriod p = StatisticsPeriod.parse(from, to, agency, level, clock, agencies);
        Locale locale = LocaleContextHolder.getLocale();
        List<AgencyFigures> rows;
        ProcessingFigures province = null;
        String scope;
        if (p.agency() != null) {
            Agency a = agencies.find(p.agency()).orElseThrow();
            rows = List.of(oneAgency(a, p));
            scope = messages.getMessage("statistics.print.scope.agency", new Object[] {a.name()}, locale);
        } else {
            rows = statistics.byAgency(p.level(), p.from(), p.to());
            province = ProcessingStatistics.total(rows, p.from(), p.to());
            scope = p.level() == null ? messages.getMessage("statistics.print.scope.province", null, locale)
                    : messages.getMessage("statistics.print.scope.level",
                            new Object[] {messages.getMessage("statistics.level." + p.level().name(), null, locale)},
                            locale);
        }
        byte[] pdf = StatisticsPdf.write(new StatisticsPdf.Heading(scope, p.from(), p.to(),
                LocalDateTime.now(clock.withZone(VietnamTime.ZONE))), rows, province, messages, locale);
        response.setContentType("application/pdf");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"thong-ke-ho-so.pdf\"");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }

    /** The answer of a rebuild. */
    record Recomputed(long dossiers) {
    }

    @PostMapping("/api/v1/admin/statistics/recompute")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Rebuild all statistics from the dossier table (system administrators)")
    Recomputed recompute() {
        return new Recomputed(statistics.recompute());
    }

    /** The rows of an export: every agency (of a level), or the one agency asked for, even without figures. */
    private List<AgencyFigures> rows(String from, String to, String level, String agency) {
        StatisticsPeriod p = StatisticsPeriod.parse(from, to, agency, level, clock, agencies);
        if (p.agency() != null) {
            return List.of(oneAgency(agencies.find(p.agency()).orElseThrow(), p));
        }
        return statistics.byAgency(p.level(), p.from(), p.to());
    }

    private AgencyFigures oneAgency(Agency a, StatisticsPeriod p) {
        return new AgencyFigures(a.code(), a.name(), a.level(), statistics.figures(a.code(), null, p.from(), p.to()));
    }

    private static void download(HttpServletResponse response, String type, String name) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
    }
}
