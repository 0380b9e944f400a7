package vn.dvc.deadline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.dvc.dossier.Dossier;
import vn.dvc.identity.AccountContacts;
import vn.dvc.identity.ApplicantProfile;
import vn.dvc.identity.Applicants;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.shared.FormPdf;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.VietnamTime;

/**
 * Forms 04 (apology and new appointment, A5) and 06 (tracking book, A4 landscape, and as a spreadsheet) of
 * Circular 01/2018, in Vietnamese, drawn with the reception's {@link FormPdf} (DejaVu Sans).
 */
@Component
class DeadlineForms {

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    /** The columns of form 06 as this book fills them. */
    static final List<String> BOOK_COLUMNS = List.of("no", "code", "procedure", "applicant", "received", "due",
            "handed-over", "result", "returned", "remarks");

    private final Deadlines deadlines;
    private final Applicants applicants;
    private final AccountContacts contacts;
    private final Agencies agencies;
    private final MessageSource messages;

    DeadlineForms(Deadlines deadlines, Applicants applicants, AccountContacts contacts, Agencies agencies,
            MessageSource messages) {
        this.deadlines = deadlines;
        this.applicants = applicants;
        this.contacts = contacts;
        this.agencies = agencies;
        this.messages = messages;
    }

    /** Form 04 of a dossier that has an apology; otherwise not found. */
    byte[] apology(Dossier dossier) {
        Apology apology = deadlines.apology(dossier.id())
                .orElseThrow(() -> new NotFoundException("dossier.not-found", dossier.code()));
        String agencyName = agencyName(dossier.agencyCode());
        ZonedDateTime at = apology.issuedAt().atZone(VietnamTime.ZONE);
        ApplicantProfile profile = applicants.profile(dossier.applicantId()).orElse(null);
        String name = profile != null ? profile.fullName() : contacts.fullName(dossier.applicantId()).orElse("");
        try (FormPdf pdf = new FormPdf(text("deadline.form04.title"))) {
            float half = pdf.width() / 2;
            pdf.centred(0, half, agencyName.toUpperCase(VIETNAMESE), 7, true);
            pdf.centred(half, half, text("reception.form.nation"), 7, true);
            pdf.down(7);
            pdf.centred(0, half, text("reception.form.desk"), 7, false);
            pdf.centred(half, half, text("reception.form.motto"), 7, true);
            pdf.down(7);
            pdf.centred(0, half, text("deadline.form04.number", dossier.code()), 7, false);
            pdf.centred(half, half, text("reception.form.place-date", String.format("%02d", at.getDayOfMonth()),
                    String.format("%02d", at.getMonthValue()), String.valueOf(at.getYear())), 7, false);
            pdf.down(7);
            pdf.space(8);
            pdf.centred(0, pdf.width(), text("deadline.form04.title"), 10, true);
            pdf.down(10);
            pdf.centred(0, pdf.width(), text("reception.form.dossier-code", dossier.code()), 9, true);
            pdf.down(9);
            pdf.space(4);
            pdf.paragraph(0, text("reception.form.to", name), 8, false);
            pdf.paragraph(0, text("reception.form01.address", value(profile == null ? null : profile.address())), 8,
                    false);
            pdf.paragraph(0, text("reception.form01.phone-email", value(profile == null ? null : profile.phone()),
                    value(profile == null ? null : profile.email())), 8, false);
            pdf.paragraph(0, text("deadline.form04.received", date(dossier.receivedAt()), agencyName,
                    dossier.procedureName()), 8, false);
            pdf.paragraph(0, text("deadline.form04.due", date(apology.originalDueAt()), agencyName), 8, false);
            pdf.paragraph(0, text("deadline.form04.reason", apology.reason()), 8, true);
            pdf.paragraph(0, text("deadline.form04.sorry", agencyName, date(apology.newDueAt())), 8, false);
            pdf.paragraph(0, text("deadline.form04.new-date", date(apology.newDueAt())), 8, true);
            pdf.paragraph(0, text("deadline.form04.thanks"), 8, false);
            pdf.space(8);
            pdf.centred(half, half, text("deadline.form04.signer"), 8, true);
            pdf.down(8);
            pdf.centred(half, half, text("reception.form.sign"), 7, false);
            pdf.down(7);
            pdf.space(30);
            pdf.centred(half, half, apology.officerName(), 8, false);
            pdf.down(8);
            return pdf.bytes();
        }
    }

    /** Form 06: the tracking book of the agency for the period, A4 landscape. */
    byte[] bookPdf(String agencyCode, TrackingBook.Period period, List<TrackingBook.Line> lines) {
        String agencyName = agencyName(agencyCode);
        try (FormPdf pdf = new FormPdf(text("deadline.book.title"), A4_LANDSCAPE)) {
            float half = pdf.width() / 2;
            pdf.centred(0, half, agencyName.toUpperCase(VIETNAMESE), 8, true);
            pdf.centred(half, half, text("reception.form.nation"), 8, true);
            pdf.down(8);
            pdf.centred(0, half, text("reception.form.desk"), 8, false);
            pdf.centred(half, half, text("reception.form.motto"), 8, true);
            pdf.down(8);
            pdf.space(8);
            pdf.centred(0, pdf.width(), text("deadline.book.title"), 12, true);
            pdf.down(12);
            pdf.centred(0, pdf.width(), text("deadline.book.period", DATE.format(period.from()), DATE.format(period.to())),
                    9, false);
            pdf.down(9);
            pdf.space(6);
            float w = pdf.width();
            float[] columns = {30, 110, 0, 110, 62, 62, 62, 62, 62, 120};
            float fixed = 0;
            for (float c : columns) {
                fixed += c;
            }
            columns[2] = w - fixed;
            pdf.row(columns, BOOK_COLUMNS.stream().map(c -> text("deadline.book.col." + c)).toList(), 7, true);
            int no = 1;
            for (TrackingBook.Line line : lines) {
                pdf.row(columns, cells(line, no++), 7, false);
            }
            if (lines.isEmpty()) {
                pdf.space(4);
                pdf.paragraph(0, text("deadline.book.empty"), 8, false);
            }
            return pdf.bytes();
        }
    }

    /** Form 06 as a spreadsheet: a title row, the column titles, one row per dossier. */
    byte[] bookXlsx(String agencyCode, TrackingBook.Period period, List<TrackingBook.Line> lines) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(text("deadline.book.sheet"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Cell title = sheet.createRow(0).createCell(0);
            title.setCellValue(text("deadline.book.title") + " - " + agencyName(agencyCode) + " - "
                    + text("deadline.book.period", DATE.format(period.from()), DATE.format(period.to())));
            title.setCellStyle(bold);
            Row header = sheet.createRow(1);
            for (int c = 0; c < BOOK_COLUMNS.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(text("deadline.book.col." + BOOK_COLUMNS.get(c)));
                cell.setCellStyle(bold);
            }
            int r = 2;
            int no = 1;
            for (TrackingBook.Line line : lines) {
                Row row = sheet.createRow(r++);
                List<String> cells = cells(line, no++);
                row.createCell(0).setCellValue(Double.parseDouble(cells.get(0)));
                for (int c = 1; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            int[] widths = {6, 28, 50, 28, 17, 17, 17, 17, 17, 40};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cells of a line, as both the PDF and the spreadsheet print them. */
    private List<String> cells(TrackingBook.Line line, int no) {
        List<String> remarks = new ArrayList<>();
        if (line.number() != null) {
            remarks.add(text("deadline.book.remark.receipt", String.valueOf(line.number())));
        }
        if (line.timeliness() != null) {
            remarks.add(text("deadline.timeliness." + line.timeliness().name()));
        } else if (line.status().closed() || line.status().paused()) {
            remarks.add(text("dossier.status." + line.status().national()));
        }
        if (line.newDueAt() != null) {
            remarks.add(text("deadline.book.remark.apology", date(line.newDueAt())));
        }
        if (line.returnMethod() != null) {
            remarks.add(text("deadline.return.method." + line.returnMethod().name())
                    + (line.trackingNumber() == null ? "" : " " + line.trackingNumber()));
        }
        return List.of(String.valueOf(no), line.dossierCode(), line.procedureName(), line.applicantName(),
                time(line.receivedAt()), time(line.dueAt()), time(line.handedOverAt()), time(line.finishedAt()),
                time(line.returnedAt()), String.join("; ", remarks));
    }

    private String agencyName(String code) {
        return agencies.find(code).map(Agency::name).orElse(code);
    }

    private static String date(Instant at) {
        return at == null ? "…" : DATE.format(at.atZone(VietnamTime.ZONE));
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(VietnamTime.ZONE));
    }

    private static String value(String s) {
        return s == null || s.isBlank() ? "…" : s;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
