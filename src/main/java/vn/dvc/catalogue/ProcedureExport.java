package vn.dvc.catalogue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the current catalogue (or the part a query selects) in the shape imports read, streaming: a
 * page of procedures at a time goes from the database to the output, so the whole catalogue is never
 * held in memory.
 */
@Service
public class ProcedureExport {

    private static final int PAGE = 200;
    /** Excel refuses cells longer than this; longer texts cannot round-trip through XLSX. */
    private static final int XLSX_MAX_CELL = 32_767;

    private final Procedures procedures;
    private final JsonMapper json;

    ProcedureExport(Procedures procedures, JsonMapper json) {
        this.procedures = procedures;
        this.json = json;
    }

    void write(FileFormat format, ProcedureQuery query, OutputStream out) throws IOException {
        switch (format) {
            case CSV -> csv(query, out);
            case XLSX -> xlsx(query, out);
            case JSON -> json(query, out);
        }
    }

    private void csv(ProcedureQuery query, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so that Excel opens the file as UTF-8
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        printer.printRecord(ProcedureFile.COLUMNS);
        forEach(query, content -> {
            try {
                printer.printRecord(ProcedureFile.cells(content, json));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        printer.flush();
    }

    private void xlsx(ProcedureQuery query, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            Sheet sheet = workbook.createSheet("procedures");
            writeRow(sheet.createRow(0), ProcedureFile.COLUMNS);
            int[] next = {1};
            // Every cell is text: a code such as 1.000016 must not become the number 1.000016.
            forEach(query, content -> writeRow(sheet.createRow(next[0]++), ProcedureFile.cells(content, json)));
            workbook.write(out);
        } finally {
            workbook.close(); // also deletes the temporary files of the streamed rows
        }
    }

    private static void writeRow(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            row.createCell(i).setCellValue(value.length() > XLSX_MAX_CELL ? value.substring(0, XLSX_MAX_CELL) : value);
        }
    }

    private void json(ProcedureQuery query, OutputStream out) {
        try (SequenceWriter writer = json.writerWithDefaultPrettyPrinter().writeValuesAsArray(out)) {
            forEach(query, content -> writer.write(ProcedureFile.document(content)));
        }
    }

    private void forEach(ProcedureQuery query, Consumer<ProcedureContent> action) {
        String after = null;
        List<Procedure> page;
        do {
            page = procedures.currentVersions(query, after, PAGE);
            page.forEach(p -> action.accept(p.content()));
            after = page.isEmpty() ? null : page.get(page.size() - 1).code();
        } while (page.size() == PAGE);
    }
}
