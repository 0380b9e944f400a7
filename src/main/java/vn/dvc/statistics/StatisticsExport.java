package vn.dvc.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.dvc.statistics.ProcessingStatistics.AgencyFigures;

/**
 * Open data: one row per agency with the columns of CONTRACT.md under their API names, so that scripts
 * read the CSV and the JSON alike. CSV in UTF-8 with a byte order mark (Excel reads Vietnamese then).
 */
final class StatisticsExport {

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final List<String> HEADERS = List.of("agencyCode", "agencyName", "level", "from", "to", "receivedOnline",
            "receivedOffline", "carriedOver", "totalReceived", "resolvedEarly", "resolvedOnTime", "resolvedLate",
            "totalResolved", "inProgressOnTime", "inProgressOverdue", "totalInProgress", "onTimeRatio", "onlineRatio",
            "withdrawn", "stopped");

    private StatisticsExport() {
    }

    static void csv(List<AgencyFigures> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            printer.printRecord(HEADERS);
            for (AgencyFigures row : rows) {
                printer.printRecord(values(row));
            }
        }
    }

    static void xlsx(List<AgencyFigures> rows, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("II.06a");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            int r = 1;
            for (AgencyFigures figures : rows) {
                Row row = sheet.createRow(r++);
                List<Object> values = values(figures);
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

    private static List<Object> values(AgencyFigures row) {
        ProcessingFigures f = row.figures();
        List<Object> values = new ArrayList<>(List.of(row.agencyCode(), row.agencyName(),
                row.level() == null ? "" : row.level().name(), f.from().toString(), f.to().toString(),
                f.receivedOnline(), f.receivedOffline(), f.carriedOver(), f.totalReceived(), f.resolvedEarly(),
                f.resolvedOnTime(), f.resolvedLate(), f.totalResolved(), f.inProgressOnTime(), f.inProgressOverdue(),
                f.totalInProgress()));
        values.add(f.onTimeRatio());
        values.add(f.onlineRatio());
        values.add(f.withdrawn());
        values.add(f.stopped());
        return values;
    }
}
