package vn.dvc.ranking;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.dvc.ranking.ServiceIndex.PartKind;
import vn.dvc.ranking.YearlyRanking.RankingReport;

/**
 * The ranking as open data: one row per agency with each component's inputs (part, whole, percent), the
 * score, and the computed parts of the Decision 766 index. CSV in UTF-8 with a byte order mark; XLSX with a
 * second sheet of the weights.
 */
final class RankingExport {

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private RankingExport() {
    }

    static List<String> headers() {
        List<String> headers = new ArrayList<>(List.of("year", "rank", "agencyCode", "agencyName", "level"));
        for (RankingComponent c : RankingComponent.values()) {
            headers.add(c.field() + "Part");
            headers.add(c.field() + "Whole");
            headers.add(c.field() + "Percent");
        }
        headers.add("score");
        for (PartKind kind : PartKind.values()) {
            if (kind.computable()) {
                headers.add("index766." + kind.name());
            }
        }
        headers.add("index766.computed");
        return headers;
    }

    static List<Object> values(int year, RankedAgency a) {
        List<Object> values = new ArrayList<>(List.of(year, a.rank() == 0 ? "" : a.rank(), a.agencyCode(),
                a.agencyName(), a.level() == null ? "" : a.level().name()));
        for (RankingComponent c : RankingComponent.values()) {
            Fraction f = a.components().get(c);
            values.add(f == null ? "" : f.part());
            values.add(f == null ? "" : f.whole());
            values.add(f == null || f.percent() == null ? "" : f.percent());
        }
        values.add(a.score() == null ? "" : a.score());
        for (ServiceIndex.Part part : a.serviceIndex().parts()) {
            if (part.computable()) {
                values.add(part.points() == null ? "" : part.points());
            }
        }
        values.add(a.serviceIndex().computedPoints() == null ? "" : a.serviceIndex().computedPoints());
        return values;
    }

    static void csv(RankingReport report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            printer.printRecord(headers());
            for (RankedAgency a : report.agencies()) {
                printer.printRecord(values(report.year(), a));
            }
        }
    }

    static void xlsx(RankingReport report, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Xep hang " + report.year());
            write(sheet.createRow(0), new ArrayList<>(headers()));
            int r = 1;
            for (RankedAgency a : report.agencies()) {
                write(sheet.createRow(r++), values(report.year(), a));
            }
            Sheet weights = workbook.createSheet("Trong so");
            write(weights.createRow(0), List.of("component", "weight"));
            int w = 1;
            for (var e : report.weights().entrySet()) {
                write(weights.createRow(w++), List.of(e.getKey().field(), e.getValue()));
            }
            workbook.write(out);
        }
    }

    private static void write(Row row, List<?> values) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof BigDecimal d) {
                row.createCell(c).setCellValue(d.doubleValue());
            } else if (value instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else if (value != null && !"".equals(value)) {
                row.createCell(c).setCellValue(value.toString());
            }
        }
    }
}
