package vn.dvc.planning;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.VietnameseText;

/**
 * Reads a plan document file (CSV or XLSX, the columns of docs/plan-import-format.md) into a
 * {@link PlanDocumentContent}, or into the list of everything wrong with it, each problem with its row
 * (the header is row 1) and column. Nothing is corrected: figures are kept as written.
 */
final class PlanFile {

    static final List<String> COLUMNS = List.of("record", "level", "name", "agency_code", "year", "new_builds",
            "upgrades", "services", "value");
    /** The keys of {@code document} rows. */
    static final List<String> KEYS = List.of("reference", "title", "issued_on", "first_year", "last_year",
            "procedures_total", "existing_level_3", "existing_level_4", "target_ratio", "stated_total",
            "stated_provided_total", "stated_ratio");
    static final int MAX_ROWS = 10_000;
    static final int MAX_FIGURE = 1_000_000;

    private static final Pattern PLAIN_INTEGER = Pattern.compile("\\d{1,9}");
    private static final Pattern GROUPED_INTEGER = Pattern.compile("\\d{1,3}([.,]\\d{3})+");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,3}([.,]\\d{1,4})?");
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu");

    /** A problem in the file: row 0 is the file as a whole; column empty when no column is meant. */
    record Problem(int row, String column, String messageKey, List<Object> args) {
    }

    /** What reading gave: a document, or problems (never both). */
    record Result(PlanDocumentContent content, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private record Cells(int row, Map<String, String> values) {
        String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    private PlanFile() {
    }

    static Result read(String fileName, byte[] content, Predicate<String> agencyExists) {
        if (content == null || content.length == 0) {
            return failed(new Problem(0, "", "planning.import.error.empty", List.of()));
        }
        boolean xlsx = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
        boolean csv = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
        if (!xlsx && !csv) {
            return failed(new Problem(0, "", "planning.import.error.format", List.of()));
        }
        if (xlsx != zip) {
            // A workbook renamed .csv, or text renamed .xlsx: say so rather than guess.
            return failed(new Problem(0, "", "planning.import.error.unreadable", List.of(xlsx ? "XLSX" : "CSV")));
        }
        List<Cells> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try {
            if (xlsx) {
                xlsx(content, rows, problems);
            } else {
                csv(content, rows, problems);
            }
        } catch (IOException | RuntimeException e) {
            return failed(new Problem(0, "", "planning.import.error.unreadable", List.of(xlsx ? "XLSX" : "CSV")));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        if (rows.size() > MAX_ROWS) {
            return failed(new Problem(0, "", "planning.import.error.too-many-rows", List.of(String.valueOf(MAX_ROWS))));
        }
        return new RowReader(agencyExists).document(rows);
    }

    private static Result failed(Problem problem) {
        return new Result(null, List.of(problem));
    }

    private static void csv(byte[] content, List<Cells> rows, List<Problem> problems) throws IOException {
        String text = new String(content, StandardCharsets.UTF_8);
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf(',') < 0 && firstLine.indexOf(';') >= 0 ? ';' : ',';
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(reader)) {
            List<String> header = null;
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                List<String> values = record.toList();
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = values.stream().map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
                    problems.addAll(headerProblems(header));
                } else {
                    rows.add(cells(number, header, values));
                }
            }
            if (header == null) {
                problems.add(new Problem(0, "", "planning.import.error.empty", List.of()));
            }
        }
    }

    private static void xlsx(byte[] content, List<Cells> rows, List<Problem> problems) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<String> header = null;
            for (Row row : sheet) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                    values.add(text(row.getCell(i), formatter));
                }
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = values.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
                    problems.addAll(headerProblems(header));
                } else {
                    rows.add(cells(row.getRowNum() + 1, header, values));
                }
            }
            if (header == null) {
                problems.add(new Problem(0, "", "planning.import.error.empty", List.of()));
            }
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            // The number itself, not its display (a #,##0 format would show 2,044).
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell);
    }

    /** Every column must be there, once, and nothing else: a misspelt column would otherwise be silently empty. */
    private static List<Problem> headerProblems(List<String> header) {
        List<Problem> problems = new ArrayList<>();
        for (String column : COLUMNS) {
            if (!header.contains(column)) {
                problems.add(new Problem(1, column, "planning.import.error.missing-column", List.of(column)));
            }
        }
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            if (column.isEmpty()) {
                continue;
            }
            if (!COLUMNS.contains(column)) {
                problems.add(new Problem(1, column, "planning.import.error.unknown-column", List.of(column)));
            } else if (header.indexOf(column) != i) {
                problems.add(new Problem(1, column, "planning.import.error.column-twice", List.of(column)));
            }
        }
        return problems;
    }

    private static Cells cells(int row, List<String> header, List<String> values) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.size() && i < values.size(); i++) {
            cells.put(header.get(i), VietnameseText.nfc(values.get(i)));
        }
        return new Cells(row, cells);
    }

    /** Reads the rows once the header is known to be right. */
    private static final class RowReader {

        private final Predicate<String> agencyExists;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, Cells> keys = new LinkedHashMap<>();
        private final Map<String, Integer> seen = new HashMap<>();
        private final List<PlanLine> lines = new ArrayList<>();

        RowReader(Predicate<String> agencyExists) {
            this.agencyExists = agencyExists;
        }

        Result document(List<Cells> rows) {
            for (Cells row : rows) {
                String record = row.get("record").toLowerCase(Locale.ROOT);
                switch (record) {
                    case "document" -> documentRow(row);
                    case "level" -> line(row, PlanLine.Kind.LEVEL);
                    case "agency" -> line(row, PlanLine.Kind.AGENCY);
                    case "field" -> line(row, PlanLine.Kind.FIELD);
                    case "" -> problem(row, "record", "planning.import.error.required");
                    default -> problem(row, "record", "planning.import.error.record", row.get("record"));
                }
            }
            String reference = required("reference", 100);
            String title = required("title", 1000);
            LocalDate issuedOn = date("issued_on");
            Integer firstYear = year("first_year", true);
            Integer lastYear = year("last_year", true);
            Integer procedures = count("procedures_total", true);
            Integer existing3 = count("existing_level_3", false);
            Integer existing4 = count("existing_level_4", false);
            BigDecimal target = ratio("target_ratio");
            Integer statedTotal = count("stated_total", false);
            Integer statedProvided = count("stated_provided_total", false);
            BigDecimal statedRatio = ratio("stated_ratio");
            if (procedures != null && procedures == 0) {
                problem(keys.get("procedures_total"), "value", "planning.import.error.positive");
            }
            if (existing4 == null && !keys.containsKey("existing_level_4")) {
                for (String needsExisting : List.of("stated_provided_total", "stated_ratio")) {
                    if (keys.containsKey(needsExisting)) {
                        problem(keys.get(needsExisting), "name", "planning.import.error.needs-existing", needsExisting);
                    }
                }
            }
            if (firstYear != null && lastYear != null) {
                if (lastYear < firstYear || lastYear - firstYear > 10) {
                    problem(keys.get("last_year"), "value", "planning.import.error.period");
                } else {
                    for (PlanLine line : lines) {
                        if (line.year() != null && (line.year() < firstYear || line.year() > lastYear)) {
                            problems.add(new Problem(line.position(), "year", "planning.import.error.year-outside",
                                    List.of(String.valueOf(line.position()), "year", String.valueOf(line.year()),
                                            firstYear + "–" + lastYear)));
                        }
                    }
                }
            }
            if (lines.isEmpty()) {
                problems.add(new Problem(0, "", "planning.import.error.no-lines", List.of()));
            }
            if (!problems.isEmpty()) {
                problems.sort(java.util.Comparator.comparingInt(Problem::row));
                return new Result(null, List.copyOf(problems));
            }
            return new Result(new PlanDocumentContent(reference, title, issuedOn, firstYear, lastYear, procedures,
                    existing3, existing4, target, statedTotal, statedProvided, statedRatio, lines), List.of());
        }

        private void documentRow(Cells row) {
            String key = row.get("name").toLowerCase(Locale.ROOT);
            unused(row, "document", "level", "agency_code", "year", "new_builds", "upgrades", "services");
            if (key.isEmpty()) {
                problem(row, "name", "planning.import.error.required");
            } else if (!KEYS.contains(key)) {
                problem(row, "name", "planning.import.error.key", row.get("name"));
            } else if (keys.containsKey(key)) {
                problem(row, "name", "planning.import.error.key-twice", key, String.valueOf(keys.get(key).row()));
            } else {
                keys.put(key, row);
                if (row.get("value").isEmpty()) {
                    problem(row, "value", "planning.import.error.required");
                }
            }
        }

        private void line(Cells row, PlanLine.Kind kind) {
            String record = kind.name().toLowerCase(Locale.ROOT);
            unused(row, record, "value");
            AgencyLevel level = level(row);
            String name = row.get("name");
            if (kind == PlanLine.Kind.LEVEL) {
                unused(row, record, "name", "agency_code");
                name = null;
            } else if (name.isEmpty()) {
                problem(row, "name", "planning.import.error.required");
            } else if (name.length() > 300) {
                problem(row, "name", "planning.import.error.too-long", "300");
            }
            String agencyCode = null;
            if (kind == PlanLine.Kind.FIELD) {
                unused(row, record, "agency_code");
            } else if (kind == PlanLine.Kind.AGENCY && !row.get("agency_code").isEmpty()) {
                agencyCode = row.get("agency_code");
                if (!agencyExists.test(agencyCode)) {
                    problem(row, "agency_code", "planning.import.error.agency", agencyCode);
                }
            }
            Integer year = row.get("year").isEmpty() ? null : integer(row, "year", 2000, 2100);
            Integer newBuilds = figure(row, "new_builds");
            Integer upgrades = figure(row, "upgrades");
            Integer services = figure(row, "services");
            if (!row.get("year").isEmpty()) {
                if (!row.get("services").isEmpty()) {
                    problem(row, "services", "planning.import.error.services-with-year");
                }
                if (row.get("new_builds").isEmpty() && row.get("upgrades").isEmpty()) {
                    problem(row, "new_builds", "planning.import.error.year-needs-figures");
                }
            } else {
                if (row.get("services").isEmpty()) {
                    problem(row, "services", "planning.import.error.total-needs-services");
                }
                for (String column : List.of("new_builds", "upgrades")) {
                    if (!row.get(column).isEmpty()) {
                        problem(row, column, "planning.import.error.figures-need-year");
                    }
                }
            }
            String identity = record + "|" + level + "|" + VietnameseText.fold(name) + "|" + row.get("year");
            Integer first = seen.putIfAbsent(identity, row.row());
            if (first != null) {
                problem(row, "record", "planning.import.error.line-twice", String.valueOf(first));
            }
            if (level != null) {
                lines.add(new PlanLine(row.row(), kind, level, name, agencyCode, year, newBuilds, upgrades, services));
            }
        }

        private AgencyLevel level(Cells row) {
            String value = VietnameseText.fold(row.get("level"));
            if (value.isEmpty()) {
                problem(row, "level", "planning.import.error.required");
                return null;
            }
            return switch (value.replace("cap ", "")) {
                case "provincial", "tinh" -> AgencyLevel.PROVINCIAL;
                case "district", "huyen" -> AgencyLevel.DISTRICT;
                case "commune", "xa" -> AgencyLevel.COMMUNE;
                default -> {
                    problem(row, "level", "planning.import.error.level", row.get("level"));
                    yield null;
                }
            };
        }

        private Integer figure(Cells row, String column) {
            return row.get(column).isEmpty() ? null : integer(row, column, 0, MAX_FIGURE);
        }

        private Integer integer(Cells row, String column, int min, int max) {
            String raw = row.get(column).replace(" ", "");
            if (GROUPED_INTEGER.matcher(raw).matches()) {
                raw = raw.replace(".", "").replace(",", "");
            }
            if (!PLAIN_INTEGER.matcher(raw).matches()) {
                problem(row, column, "planning.import.error.integer", row.get(column));
                return null;
            }
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                problem(row, column, "planning.import.error.range", row.get(column), String.valueOf(min),
                        String.valueOf(max));
                return null;
            }
            return value;
        }

        private String required(String key, int max) {
            Cells row = keys.get(key);
            if (row == null) {
                problems.add(new Problem(0, "name", "planning.import.error.missing-key", List.of(key)));
                return null;
            }
            String value = row.get("value");
            if (value.length() > max) {
                problem(row, "value", "planning.import.error.too-long", String.valueOf(max));
            }
            return value;
        }

        private LocalDate date(String key) {
            Cells row = keys.get(key);
            if (row == null || row.get("value").isEmpty()) {
                return null;
            }
            String value = row.get("value");
            try {
                return value.contains("/") ? LocalDate.parse(value, DMY) : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(row, "value", "planning.import.error.date", value);
                return null;
            }
        }

        private Integer year(String key, boolean required) {
            Cells row = keys.get(key);
            if (row == null) {
                if (required) {
                    problems.add(new Problem(0, "name", "planning.import.error.missing-key", List.of(key)));
                }
                return null;
            }
            return row.get("value").isEmpty() ? null : integer(row, "value", 2000, 2100);
        }

        private Integer count(String key, boolean required) {
            Cells row = keys.get(key);
            if (row == null) {
                if (required) {
                    problems.add(new Problem(0, "name", "planning.import.error.missing-key", List.of(key)));
                }
                return null;
            }
            return row.get("value").isEmpty() ? null : integer(row, "value", 0, 10_000_000);
        }

        private BigDecimal ratio(String key) {
            Cells row = keys.get(key);
            if (row == null || row.get("value").isEmpty()) {
                return null;
            }
            String raw = row.get("value").replace(" ", "").replace("%", "");
            if (!DECIMAL.matcher(raw).matches()) {
                problem(row, "value", "planning.import.error.ratio", row.get("value"));
                return null;
            }
            BigDecimal value = new BigDecimal(raw.replace(',', '.'));
            if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
                problem(row, "value", "planning.import.error.ratio", row.get("value"));
                return null;
            }
            return value;
        }

        /** Columns a record does not use must stay empty, so that nothing written is silently dropped. */
        private void unused(Cells row, String record, String... columns) {
            for (String column : columns) {
                if (!row.get(column).isEmpty()) {
                    problem(row, column, "planning.import.error.not-used", record);
                }
            }
        }

        private void problem(Cells row, String column, String key, Object... args) {
            List<Object> all = new ArrayList<>();
            all.add(String.valueOf(row.row()));
            all.add(column);
            all.addAll(List.of(args));
            problems.add(new Problem(row.row(), column, key, all));
        }
    }
}
