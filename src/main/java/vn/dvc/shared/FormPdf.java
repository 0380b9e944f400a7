package vn.dvc.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

/**
 * A small page writer for the forms of Circular 01/2018 (A5 by default; the tracking book, form 06, on A4
 * landscape): lines of text top to bottom, wrapped to the page, in DejaVu Sans (bundled, so Vietnamese prints on
 * machines without fonts). Starts a new page when full. Text is normalised to NFC. Used by every module that prints a form.
 */
public final class FormPdf implements AutoCloseable {

    private static final byte[] REGULAR = font("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("fonts/DejaVuSans-Bold.ttf");
    static final float MARGIN = 36;

    private final PDDocument document = new PDDocument();
    private final float margin;
    private final float bottomRoom;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PDRectangle size;
    private PDPageContentStream page;
    private float y;

    /** An A5 portrait form. */
    public FormPdf(String title) {
        this(title, PDRectangle.A5);
    }

    private PDType0Font load(byte[] font) throws IOException {
        return embed(document, font);
    }

    /**
     * DejaVu Sans (bundled, so Vietnamese prints on machines without fonts) embedded in a document without
     * its substitution table: no ligatures, so that "ff" in an e-mail address stays two letters when the text
     * is copied or extracted. For every PDF the system draws.
     */
    public static PDType0Font font(PDDocument document, boolean strong) throws IOException {
        return embed(document, strong ? BOLD : REGULAR);
    }

    private static PDType0Font embed(PDDocument document, byte[] font) throws IOException {
        org.apache.fontbox.ttf.TrueTypeFont ttf = new org.apache.fontbox.ttf.TTFParser()
                .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(font));
        ttf.setEnableGsub(false);
        return PDType0Font.load(document, ttf, true);
    }

    /** An A5 landscape sheet (form 05, for its wide table). */
    public static PDRectangle a5Landscape() {
        return new PDRectangle(PDRectangle.A5.getHeight(), PDRectangle.A5.getWidth());
    }

    /** A form on this page size (e.g. {@code new PDRectangle(842, 595)} for A4 landscape). */
    public FormPdf(String title, PDRectangle size) {
        this(title, size, MARGIN, MARGIN);
    }

    /**
     * A document with its own margin, and {@code bottomRoom} points at the foot of each page left free (a
     * signature stamp is drawn there later).
     */
    public FormPdf(String title, PDRectangle size, float margin, float bottomRoom) {
        this.size = size;
        this.margin = margin;
        this.bottomRoom = bottomRoom;
        try {
            regular = load(REGULAR);
            bold = load(BOLD);
            document.getDocumentInformation().setTitle(title);
            newPage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public float width() {
        return size.getWidth() - 2 * margin;
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(size);
        document.addPage(p);
        page = new PDPageContentStream(document, p);
        y = size.getHeight() - margin;
    }

    private void room(float height) throws IOException {
        if (y - height < bottomRoom) {
            newPage();
        }
    }

    /** Text at a column of the current line, without moving down. */
    public void at(float x, String text, float fontSize, boolean strong) {
        try {
            page.beginText();
            page.setFont(strong ? bold : regular, fontSize);
            page.newLineAtOffset(margin + x, y - fontSize);
            show(text);
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shows text in NFC; a character the font lacks (an emoji in an applicant's answer) prints as "?". */
    private void show(String text) throws IOException {
        try {
            page.showText(nfc(text));
        } catch (IllegalArgumentException | IllegalStateException e) {
            page.showText(latinOnly(text));
        }
    }

    /** Keeps Latin letters (Vietnamese included), digits and punctuation; anything else becomes "?". */
    public static String latinOnly(String text) {
        StringBuilder kept = new StringBuilder();
        nfc(text).codePoints().forEach(c -> kept.appendCodePoint(c >= 0x20 && c < 0x250 || c >= 0x1E00 && c < 0x1F00
                || c >= 0x2000 && c < 0x2070 || c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323
                ? c : '?'));
        return kept.toString();
    }

    private static String nfc(String text) {
        return text == null ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
    }

    /** Text centred in a band of the line starting at {@code x}, without moving down. */
    public void centred(float x, float band, String text, float fontSize, boolean strong) {
        float w = textWidth(text, fontSize, strong);
        at(x + Math.max(0, (band - w) / 2), text, fontSize, strong);
    }

    /** Moves down by one line of this size. */
    public void down(float fontSize) {
        y -= fontSize * 1.35f;
        try {
            room(fontSize * 1.35f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A paragraph wrapped to the width from {@code x}. */
    public void paragraph(float x, String text, float fontSize, boolean strong) {
        for (String line : wrap(text, width() - x, fontSize, strong)) {
            at(x, line, fontSize, strong);
            down(fontSize);
        }
    }

    /** A table row: cells wrapped in their columns, with rules above and below. */
    public void row(float[] columns, List<String> cells, float fontSize, boolean strong) {
        List<List<String>> lines = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> wrapped = wrap(cells.get(i), columns[i] - 4, fontSize, strong);
            lines.add(wrapped);
            height = Math.max(height, wrapped.size());
        }
        float rowHeight = height * fontSize * 1.35f + 4;
        try {
            room(rowHeight);
            float top = y;
            float x = margin;
            for (int i = 0; i < cells.size(); i++) {
                float lineY = top - 2;
                for (String line : lines.get(i)) {
                    page.beginText();
                    page.setFont(strong ? bold : regular, fontSize);
                    page.newLineAtOffset(x + 2, lineY - fontSize);
                    show(line);
                    page.endText();
                    lineY -= fontSize * 1.35f;
                }
                x += columns[i];
            }
            page.setLineWidth(0.5f);
            x = margin;
            for (float column : columns) {
                page.addRect(x, top - rowHeight, column, rowHeight);
                x += column;
            }
            page.stroke();
            y = top - rowHeight;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void space(float points) {
        y -= points;
    }

    public List<String> wrap(String text, float width, float fontSize, boolean strong) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : (text == null ? "" : text).split("\\R")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && textWidth(candidate, fontSize, strong) > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    public float textWidth(String text, float fontSize, boolean strong) {
        PDType0Font font = strong ? bold : regular;
        try {
            return font.getStringWidth(nfc(text)) / 1000 * fontSize;
        } catch (IllegalArgumentException | IllegalStateException e) {
            try {
                return font.getStringWidth(latinOnly(text)) / 1000 * fontSize;
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes() {
        try {
            page.close();
            page = null;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (page != null) {
                page.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
