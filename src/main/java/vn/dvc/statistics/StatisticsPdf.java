package vn.dvc.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.MessageSource;

import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.FormPdf;
import vn.dvc.statistics.ProcessingStatistics.AgencyFigures;

/**
 * The printable statistics for posting at the counter: an A4 portrait PDF (DejaVu Sans, so Vietnamese prints
 * anywhere) with the columns of form II.06a (RULES.md §4) per agency, grouped by level with a sum per level and
 * the province, the scope, the period and the date printed on every page.
 */
final class StatisticsPdf {

    
    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float MARGIN = 36;
    private static final float BOTTOM = 48;
    private static final float CELL = 6.5f;
    private static final float HEAD = 5.6f;
    /** Agency name, then 13 figures: (4) (5) (6) (3) (8) (9) (10) (7) (12) (13) (11), on-time and online ratio. */
    private static final float[] COLUMNS = {107, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32};
    private static final String[] HEADERS = {"agency", "received-online", "received-offline", "carried-over",
        "total-received", "resolved-early", "resolved-on-time", "resolved-late", "total-resolved",
        "in-progress-on-time", "in-progress-overdue", "total-in-progress", "on-time-ratio", "online-ratio"};
    private static final String[] NUMBERS = {"", "(4)", "(5)", "(6)", "(3)", "(8)", "(9)", "(10)", "(7)", "(12)",
        "(13)", "(11)", "", ""};

    /** What the sheet shows beside the table. */
    record Heading(String scope, LocalDate from, LocalDate to, LocalDateTime printed) {
    }

    private final PDDocument document = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final MessageSource messages;
    private final Locale locale;
    private final NumberFormat integers;
    private final NumberFormat percent;
    private PDPageContentStream page;
    private float y;

    private StatisticsPdf(MessageSource messages, Locale locale) throws IOException {
        this.messages = messages;
        this.locale = locale;
        regular = FormPdf.font(document, false);
        bold = FormPdf.font(document, true);
        integers = NumberFormat.getIntegerInstance(locale);
        percent = NumberFormat.getPercentInstance(locale);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
    }

    /**
     * The sheet: {@code rows} by level (each level with its sum), then the province when {@code province}
     * is given; texts from the statistics bundle in {@code locale}.
     */
    static byte[] write(Heading heading, List<AgencyFigures> rows, ProcessingFigures province,
            MessageSource messages, Locale locale) {
        try {
            StatisticsPdf pdf = new StatisticsPdf(messages, locale);
            try (PDDocument document = pdf.document) {
                document.getDocumentInformation().setTitle(pdf.text("statistics.print.title"));
                pdf.sheet(heading, rows, province);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sheet(Heading heading, List<AgencyFigures> rows, ProcessingFigures province) throws IOException {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        newPage();
        centred(text("statistics.print.title").toUpperCase(Locale.ROOT), 12, true);
        centred(text("statistics.print.form"), 8, false);
        y -= 4;
        centred(heading.scope(), 9, true);
        centred(text("statistics.period", heading.from().format(day), heading.to().format(day)), 9, false);
        y -= 8;
        header();
        for (AgencyLevel level : AgencyLevel.values()) {
            List<AgencyFigures> ofLevel = rows.stream().filter(r -> r.level() == level).toList();
            if (ofLevel.isEmpty()) {
                continue;
            }
            band(text("statistics.level." + level.name()));
            for (AgencyFigures r : ofLevel) {
                figures(r.agencyName(), r.figures(), false);
            }
            if (province != null) {
                figures(text("statistics.level-total"),
                        ProcessingStatistics.total(ofLevel, heading.from(), heading.to()), true);
            }
        }
        List<AgencyFigures> unknown = rows.stream().filter(r -> r.level() == null).toList();
        for (AgencyFigures r : unknown) {
            figures(r.agencyName(), r.figures(), false);
        }
        if (rows.isEmpty()) {
            band(text("statistics.empty"));
        }
        if (province != null) {
            figures(text("statistics.province"), province, true);
        }
        y -= 8;
        paragraph(text("statistics.caption"), 6.5f);
        paragraph(text("statistics.rules"), 6.5f);
        page.close();
        footers(text("statistics.print.printed",
                heading.printed().format(DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy"))));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(SIZE);
        document.addPage(p);
        page = new PDPageContentStream(document, p);
        y = SIZE.getHeight() - MARGIN;
    }

    /** The column headings (repeated on every page of the table). */
    private void header() throws IOException {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < HEADERS.length; i++) {
            String label = text("statistics.col." + HEADERS[i]);
            cells.add(NUMBERS[i].isEmpty() ? label : label + " " + NUMBERS[i]);
        }
        row(cells, HEAD, true, false);
    }

    /** A row spanning the table: a level's name. */
    private void band(String label) throws IOException {
        float height = CELL * 1.35f + 4;
        room(height);
        show(MARGIN + 2, y - 2 - CELL, label, CELL, true);
        rectangle(MARGIN, y - height, total(), height);
        y -= height;
    }

    private void figures(String name, ProcessingFigures f, boolean strong) throws IOException {
        List<String> cells = new ArrayList<>(List.of(name));
        for (long v : new long[] {f.receivedOnline(), f.receivedOffline(), f.carriedOver(), f.totalReceived(),
            f.resolvedEarly(), f.resolvedOnTime(), f.resolvedLate(), f.totalResolved(), f.inProgressOnTime(),
            f.inProgressOverdue(), f.totalInProgress()}) {
            cells.add(integers.format(v));
        }
        cells.add(f.onTimeRatio() == null ? text("statistics.none") : percent.format(f.onTimeRatio()));
        cells.add(f.onlineRatio() == null ? text("statistics.none") : percent.format(f.onlineRatio()));
        row(cells, CELL, strong, true);
    }

    /** A table row: the first cell left-aligned, the others right-aligned when {@code numbers}, wrapped. */
    private void row(List<String> cells, float size, boolean strong, boolean numbers) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> wrapped = wrap(cells.get(i), COLUMNS[i] - 4, size, strong);
            lines.add(wrapped);
            height = Math.max(height, wrapped.size());
        }
        float rowHeight = height * size * 1.3f + 4;
        if (y - rowHeight < BOTTOM) {
            newPage();
            if (numbers) {
                header();
            }
        }
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            float lineY = y - 2 - size;
            for (String line : lines.get(i)) {
                float at = numbers && i > 0 ? x + COLUMNS[i] - 2 - width(line, size, strong) : x + 2;
                show(at, lineY, line, size, strong);
                lineY -= size * 1.3f;
            }
            rectangle(x, y - rowHeight, COLUMNS[i], rowHeight);
            x += COLUMNS[i];
        }
        y -= rowHeight;
    }

    private void paragraph(String paragraph, float size) throws IOException {
        for (String line : wrap(paragraph, total(), size, false)) {
            room(size * 1.35f);
            show(MARGIN, y - size, line, size, false);
            y -= size * 1.35f;
        }
    }

    private void centred(String line, float size, boolean strong) throws IOException {
        show(MARGIN + Math.max(0, (total() - width(line, size, strong)) / 2), y - size, line, size, strong);
        y -= size * 1.5f;
    }

    private void room(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    /** The date printed and "page i/n" at the foot of every page. */
    private void footers(String printed) throws IOException {
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i), AppendMode.APPEND,
                    true, true)) {
                page = foot;
                String number = text("statistics.print.page", i + 1, pages);
                show(MARGIN, MARGIN - 12, printed, 7, false);
                show(MARGIN + total() - width(number, 7, false), MARGIN - 12, number, 7, false);
            }
        }
        page = null;
    }

    private void show(float x, float baseline, String line, float size, boolean strong) throws IOException {
        page.beginText();
        page.setFont(strong ? bold : regular, size);
        page.newLineAtOffset(x, baseline);
        page.showText(line);
        page.endText();
    }

    private void rectangle(float x, float bottom, float width, float height) throws IOException {
        page.setLineWidth(0.4f);
        page.addRect(x, bottom, width, height);
        page.stroke();
    }

    private static float total() {
        float sum = 0;
        for (float c : COLUMNS) {
            sum += c;
        }
        return sum;
    }

    private List<String> wrap(String line, float width, float size, boolean strong) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : (line == null ? "" : line).split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && width(candidate, size, strong) > width) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    private float width(String line, float size, boolean strong) throws IOException {
        return (strong ? bold : regular).getStringWidth(line) / 1000 * size;
    }

}
