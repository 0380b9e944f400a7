package vn.dvc.planning;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.dvc.planning.PlanTracking.Coverage;
import vn.dvc.planning.PlanTracking.TrackingReport;

/** The public plan pages: the list of years, and a year's plan with its checks and tracking. */
@Controller
class PlanningPages {

    private final PlanViews views;
    private final PlanDocuments documents;
    private final PlanChecks checks;
    private final PlanTracking tracking;
    private final TrackingExport export;
    private final MessageSource messages;

    PlanningPages(PlanViews views, PlanDocuments documents, PlanChecks checks, PlanTracking tracking,
            TrackingExport export, MessageSource messages) {
        this.messages = messages;
        this.views = views;
        this.documents = documents;
        this.checks = checks;
        this.tracking = tracking;
        this.export = export;
    }

    /** A document's comparisons as the page lists them. */
    record DocumentSection(PlanViews.PlanDocumentView document, List<PlanCheck> matching, List<PlanCheck> discrepancies) {
    }

    /**
     * One bar of the coverage chart, drawn in SVG with attributes only (the Content-Security-Policy
     * forbids inline styles).
     */
    record Bar(String label, BigDecimal ratio, int y, int width, boolean belowTarget, boolean behind) {
    }

    static final int CHART_LABEL_WIDTH = 230;
    static final int CHART_BAR_WIDTH = 360;
    static final int CHART_ROW = 28;

    @GetMapping("/plans")
    String years(Model model) {
        model.addAttribute("years", views.years());
        return "planning/plans";
    }

    @GetMapping("/plans/{year}")
    String plan(@PathVariable int year, Model model) {
        PlanViews.PlanView view = views.view(year).orElseThrow(() -> PlanningApi.notFound(year));
        Locale locale = LocaleContextHolder.getLocale();
        List<DocumentSection> sections = new ArrayList<>();
        for (PlanDocument document : documents.covering(year)) {
            List<PlanCheck> matching = new ArrayList<>();
            List<PlanCheck> discrepancies = new ArrayList<>();
            for (PlanArithmetic.Comparison comparison : checks.comparisons(document.content(), year)) {
                (comparison.matches() ? matching : discrepancies)
                        .add(checks.describe(document.reference(), comparison, locale));
            }
            sections.add(new DocumentSection(PlanViews.document(document), matching, discrepancies));
        }
        TrackingReport report = tracking.track(year).orElseThrow();
        model.addAttribute("view", view);
        model.addAttribute("sections", sections);
        model.addAttribute("checks", checks.checks(year, locale));
        model.addAttribute("tracking", report);
        model.addAttribute("liveServices", report.services().stream().filter(PlanTracking.ServiceProgress::live)
                .map(p -> p.agencyCode() + "|" + p.procedureCode()).collect(java.util.stream.Collectors.toSet()));
        List<Bar> bars = bars(report, locale);
        model.addAttribute("bars", bars);
        model.addAttribute("chartHeight", bars.size() * CHART_ROW + 8);
        model.addAttribute("targetX", CHART_LABEL_WIDTH + scaled(report.targetRatio()));
        model.addAttribute("chartLabelWidth", CHART_LABEL_WIDTH);
        return "planning/plan";
    }

    @GetMapping("/plans/{year}/tracking.csv")
    void trackingCsv(@PathVariable int year, HttpServletResponse response) throws IOException {
        TrackingReport report = tracking.track(year).orElseThrow(() -> PlanningApi.notFound(year));
        download(response, "text/csv;charset=UTF-8", "theo-doi-ke-hoach-" + year + ".csv");
        export.csv(report, LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    @GetMapping("/plans/{year}/tracking.xlsx")
    void trackingXlsx(@PathVariable int year, HttpServletResponse response) throws IOException {
        TrackingReport report = tracking.track(year).orElseThrow(() -> PlanningApi.notFound(year));
        download(response, TrackingExport.XLSX_TYPE, "theo-doi-ke-hoach-" + year + ".xlsx");
        export.xlsx(report, LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    private static void download(HttpServletResponse response, String type, String name) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /** Province, levels, then agencies: each its coverage against the target. */
    private List<Bar> bars(TrackingReport report, Locale locale) {
        List<Bar> bars = new ArrayList<>();
        bars.add(bar(messages.getMessage("planning.tracking.province", null, locale), report.province(), bars.size(),
                report.documents().stream().anyMatch(PlanTracking.DocumentProgress::behindSchedule)));
        for (PlanTracking.LevelProgress level : report.levels()) {
            bars.add(bar(messages.getMessage("planning.level." + level.level().name(), null, locale), level.coverage(),
                    bars.size(),
                    level.behindSchedule()));
        }
        for (PlanTracking.AgencyProgress agency : report.agencies()) {
            bars.add(bar(agency.agencyName(), agency.coverage(), bars.size(), agency.behindSchedule()));
        }
        return bars;
    }

    private static Bar bar(String label, Coverage coverage, int index, boolean behind) {
        BigDecimal ratio = coverage.ratio() == null ? BigDecimal.ZERO : coverage.ratio();
        // SVG text does not wrap: long agency names are shortened to fit beside the bars.
        String shown = label.length() > 34 ? label.substring(0, 33).strip() + "…" : label;
        return new Bar(shown, coverage.ratio(), index * CHART_ROW + 4, Math.max(scaled(ratio), 1),
                coverage.belowTarget(), behind);
    }

    private static int scaled(BigDecimal percent) {
        return percent.min(BigDecimal.valueOf(100)).multiply(BigDecimal.valueOf(CHART_BAR_WIDTH))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).intValue();
    }
}
