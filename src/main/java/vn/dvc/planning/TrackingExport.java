package vn.dvc.planning;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.dvc.planning.PlanTracking.AgencyProgress;
import vn.dvc.planning.PlanTracking.Coverage;
import vn.dvc.planning.PlanTracking.LevelProgress;
import vn.dvc.planning.PlanTracking.TrackingReport;

/**
 * A year's tracking as a table (province, levels, agencies), in CSV (UTF-8 with a byte order mark so
 * that spreadsheet programs read the diacritics) or XLSX. Headers are in the reader's language;
 * numbers are plain numbers, ratios in percent.
 */
@Component
class TrackingExport {

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final List<String> HEADERS = List.of("scope", "code", "name", "level", "procedures", "level4",
            "coverage", "target", "below-target", "planned-new", "planned-upgrades", "planned-live", "stated",
            "behind");

    private final MessageSource messages;

    TrackingExport(MessageSource messages) {
        this.messages = messages;
    }

    void csv(TrackingReport report, Locale locale, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            for (List<Object> row : table(report, locale)) {
                printer.printRecord(row);
            }
        }
    }

    void xlsx(TrackingReport report, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(String.valueOf(report.year()));
            int r = 0;
            for (List<Object> values : table(report, locale)) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
        }
    }

    List<List<Object>> table(TrackingReport report, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(HEADERS.stream().map(h -> (Object) text("planning.export." + h, locale)).toList());
        rows.add(row(locale, "province", null, text("planning.tracking.province", locale), null, report.province(),
                report.targetRatio(), null, null, null, null, report.documents().stream()
                        .anyMatch(PlanTracking.DocumentProgress::behindSchedule)));
        for (LevelProgress level : report.levels()) {
            rows.add(row(locale, "level", level.level().name(), text("planning.level." + level.level().name(), locale),
                    level.level().name(), level.coverage(), report.targetRatio(), level.plannedNewBuilds(),
                    level.plannedUpgrades(), level.plannedLive(), level.statedThroughYear(), level.behindSchedule()));
        }
        for (AgencyProgress agency : report.agencies()) {
            rows.add(row(locale, "agency", agency.agencyCode(), agency.agencyName(), agency.level().name(),
                    agency.coverage(), report.targetRatio(), agency.plannedNewBuilds(), agency.plannedUpgrades(),
                    agency.plannedLive(), agency.statedServices(), agency.behindSchedule()));
        }
        return rows;
    }

    private List<Object> row(Locale locale, String scope, String code, String name, String level, Coverage coverage,
            BigDecimal target, Integer plannedNew, Integer plannedUpgrades, Integer live, Integer stated,
            boolean behind) {
        List<Object> row = new ArrayList<>();
        row.add(text("planning.export.scope." + scope, locale));
        row.add(code);
        row.add(name);
        row.add(level);
        row.add(coverage.procedures());
        row.add(coverage.level4());
        row.add(coverage.ratio());
        row.add(target);
        row.add(yesNo(coverage.belowTarget(), locale));
        row.add(plannedNew);
        row.add(plannedUpgrades);
        row.add(live);
        row.add(stated);
        row.add(yesNo(behind, locale));
        return row;
    }

    private String yesNo(boolean value, Locale locale) {
        return text(value ? "common.yes" : "common.no", locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
