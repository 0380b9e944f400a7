package vn.dvc.result;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import vn.dvc.shared.FormPdf;

/**
 * The PDF work of a result: the generic template (A4, DejaVu Sans, bundled) and the stamp put on the
 * last page before signing: a framed block naming the signer, the agency, the signing time and the result
 * code, in red as Decree 30/2020 shows signatures, and beside it a QR code of the verification address.
 */
final class ResultPdf {

    
    static final float MARGIN = 56;
    /** Room kept free at the foot of a generated page for the stamp. */
    static final float STAMP_ROOM = 150;
    private static final float[] RED = {0.78f, 0.06f, 0.06f};

    private ResultPdf() {
    }

    /** The stamp's lines, in order (signer, agency, time, code), and the address in the QR code. */
    record Stamp(List<String> lines, String qrText) {
    }

    /** What the generic template prints. */
    record Template(String title, List<String> header, String heading, List<String> facts, String decisionHeading,
            String decision, String answersHeading, List<Map.Entry<String, String>> answers) {
    }

    static byte[] generate(Template template) {
        try (FormPdf writer = new FormPdf(nfc(template.title()), PDRectangle.A4, MARGIN, STAMP_ROOM)) {
            float half = writer.width() / 2;
            List<String> header = template.header();
            for (int i = 0; i + 1 < header.size(); i += 2) {
                writer.centred(0, half, header.get(i), 9, true);
                writer.centred(half, half, header.get(i + 1), 9, true);
                writer.down(9);
            }
            writer.space(18);
            writer.centred(0, writer.width(), template.heading(), 14, true);
            writer.down(14);
            writer.space(12);
            for (String fact : template.facts()) {
                writer.paragraph(0, fact, 10.5f, false);
            }
            writer.space(8);
            writer.paragraph(0, template.decisionHeading(), 10.5f, true);
            writer.paragraph(14, template.decision(), 10.5f, false);
            if (!template.answers().isEmpty()) {
                writer.space(8);
                writer.paragraph(0, template.answersHeading(), 10.5f, true);
                for (Map.Entry<String, String> answer : template.answers()) {
                    writer.paragraph(14, answer.getKey() + ": " + answer.getValue(), 9.5f, false);
                }
            }
            return writer.bytes();
        }
    }

    /**
     * Draws the stamp at the foot of the last page, right-aligned, on a white ground (so that it reads
     * over an uploaded page's content), and saves the whole document anew.
     */
    static byte[] stamp(byte[] pdf, Stamp stamp) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.setAllSecurityToBeRemoved(true);
            PDPage page = document.getPage(document.getNumberOfPages() - 1);
            PDRectangle box = page.getCropBox();
            PDType0Font regular = FormPdf.font(document, false);
            PDType0Font bold = FormPdf.font(document, true);
            BitMatrix qr = qr(stamp.qrText());
            float fontSize = 7.5f;
            float lineHeight = fontSize * 1.4f;
            float textWidth = 0;
            for (int i = 0; i < stamp.lines().size(); i++) {
                textWidth = Math.max(textWidth, (i == 0 ? bold : regular).getStringWidth(nfc(stamp.lines().get(i)))
                        / 1000 * fontSize);
            }
            float qrSize = 78;
            float padding = 6;
            float height = Math.max(qrSize, stamp.lines().size() * lineHeight) + 2 * padding;
            float width = qrSize + padding * 3 + textWidth;
            float right = box.getUpperRightX() - 28;
            float left = Math.max(box.getLowerLeftX() + 8, right - width);
            float bottom = box.getLowerLeftY() + 28;
            try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
                content.setNonStrokingColor(1f, 1f, 1f);
                content.addRect(left, bottom, width, height);
                content.fill();
                content.setStrokingColor(RED[0], RED[1], RED[2]);
                content.setLineWidth(1.2f);
                content.addRect(left, bottom, width, height);
                content.stroke();
                drawQr(content, qr, left + padding, bottom + (height - qrSize) / 2, qrSize);
                content.setNonStrokingColor(RED[0], RED[1], RED[2]);
                float x = left + qrSize + 2 * padding;
                float y = bottom + height - padding - fontSize;
                for (int i = 0; i < stamp.lines().size(); i++) {
                    content.beginText();
                    content.setFont(i == 0 ? bold : regular, fontSize);
                    content.newLineAtOffset(x, y);
                    content.showText(nfc(stamp.lines().get(i)));
                    content.endText();
                    y -= lineHeight;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stamp the result PDF", e);
        }
    }

    /** The QR code of the text (byte mode, error correction M), one bit per module, no quiet zone. */
    static BitMatrix qr(String text) {
        try {
            return new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code", e);
        }
    }

    /** Draws the modules as filled squares (vector: sharp at any zoom), with a white quiet zone. */
    private static void drawQr(PDPageContentStream content, BitMatrix qr, float x, float y, float size)
            throws IOException {
        int modules = qr.getWidth();
        float module = size / (modules + 8);
        content.setNonStrokingColor(1f, 1f, 1f);
        content.addRect(x, y, size, size);
        content.fill();
        content.setNonStrokingColor(0f, 0f, 0f);
        float originX = x + 4 * module;
        float originY = y + size - 4 * module;
        for (int row = 0; row < modules; row++) {
            for (int col = 0; col < modules; col++) {
                if (qr.get(col, row)) {
                    content.addRect(originX + col * module, originY - (row + 1) * module, module, module);
                }
            }
        }
        content.fill();
    }

    static String nfc(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
