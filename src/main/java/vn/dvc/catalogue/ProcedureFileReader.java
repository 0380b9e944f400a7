package vn.dvc.catalogue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.catalogue.ProcedureFile.ParsedRow;
import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * Turns an uploaded file into numbered rows. Row numbers are what the user sees: the spreadsheet row
 * (the header is row 1) for CSV and XLSX, the position in the array (from 1) for JSON. A problem with
 * the file as a whole (a missing column, broken JSON) comes back as a row without content.
 */
final class ProcedureFileReader {

    /** One row of the file and where it is. */
    record NumberedRow(int row, ParsedRow parsed) {
    }

    private ProcedureFileReader() {
    }

    static List<NumberedRow> read(FileFormat format, byte[] content, JsonMapper json) {
        try {
            return switch (format) {
                case CSV -> csv(content, json);
                case XLSX -> xlsx(content, json);
                case JSON -> json(content, json);
            };
        } catch (IOException | RuntimeException e) {
            // A damaged workbook or a CSV with an unclosed quote: nothing can be read reliably.
            return List.of(fileProblem(0, "", "catalogue.import.error.unreadable", format.name()));
        }
    }

    private static List<NumberedRow> csv(byte[] content, JsonMapper json) throws IOException {
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(reader)) {
            List<NumberedRow> rows = new ArrayList<>();
            List<String> header = null;
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                List<String> values = record.toList();
                if (header == null) {
                    header = values.stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
                    List<NumberedRow> problems = headerProblems(header);
                    if (!problems.isEmpty()) {
                        return problems;
                    }
                } else if (!values.stream().allMatch(String::isBlank)) {
                    rows.add(new NumberedRow(number, ProcedureFile.fromCells(cells(header, values), json)));
                }
            }
            return header == null ? List.of(fileProblem(1, "", "catalogue.import.error.no-header")) : rows;
        }
    }

    private static List<NumberedRow> xlsx(byte[] content, JsonMapper json) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<NumberedRow> rows = new ArrayList<>();
            List<String> header = null;
            for (Row row : sheet) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                    Cell cell = row.getCell(i);
                    values.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = values.stream().map(String::strip).toList();
                    List<NumberedRow> problems = headerProblems(header);
                    if (!problems.isEmpty()) {
                        return problems;
                    }
                } else {
                    rows.add(new NumberedRow(row.getRowNum() + 1, ProcedureFile.fromCells(cells(header, values), json)));
                }
            }
            return header == null ? List.of(fileProblem(1, "", "catalogue.import.error.no-header")) : rows;
        }
    }

    private static List<NumberedRow> json(byte[] content, JsonMapper json) {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (JacksonException e) {
            return List.of(fileProblem(0, "", "catalogue.import.error.json",
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr()));
        }
        if (root == null || !root.isArray()) {
            return List.of(fileProblem(0, "", "catalogue.import.error.json-array"));
        }
        List<NumberedRow> rows = new ArrayList<>();
        int number = 0;
        for (JsonNode node : root.values()) {
            rows.add(new NumberedRow(++number, ProcedureFile.fromJson(node)));
        }
        return rows;
    }

    /** Every column must be there, once, and nothing else: a misspelt column would otherwise be silently empty. */
    private static List<NumberedRow> headerProblems(List<String> header) {
        List<NumberedRow> problems = new ArrayList<>();
        for (String column : ProcedureFile.COLUMNS) {
            if (!header.contains(column)) {
                problems.add(fileProblem(1, column, "catalogue.import.error.missing-column", column));
            }
        }
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            if (column.isEmpty()) {
                continue;
            }
            if (!ProcedureFile.COLUMNS.contains(column)) {
                problems.add(fileProblem(1, column, "catalogue.import.error.unknown-column", column));
            } else if (header.indexOf(column) != i) {
                problems.add(fileProblem(1, column, "catalogue.import.error.column-twice", column));
            }
        }
        return problems;
    }

    private static java.util.function.Function<String, String> cells(List<String> header, List<String> values) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.size() && i < values.size(); i++) {
            cells.put(header.get(i), values.get(i).strip());
        }
        return column -> cells.getOrDefault(column, "");
    }

    private static NumberedRow fileProblem(int row, String column, String key, Object... args) {
        return new NumberedRow(row, new ParsedRow(null, List.of(new FieldProblem(column, key, args))));
    }
}
