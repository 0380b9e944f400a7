package vn.dvc.payment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.Dossiers;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.Applicants;
import vn.dvc.identity.ApplicantProfile;
import vn.dvc.identity.Role;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.payment.DossierFees.FeeItem;
import vn.dvc.shared.VietnamTime;
import vn.dvc.shared.VietnameseText;

/**
 * The e-receipt (biên lai điện tử) of a confirmed payment, as a PDF: payee (the receiving agency), payer,
 * dossier, items, amount in figures and in Vietnamese words, VNPay transaction number, bank and time. It is a
 * DEMO receipt and says so: in operation, receipts for fees and charges are issued through the e-invoice and
 * e-receipt system of the Ministry of Finance (Decree 123/2020/NĐ-CP), which would be called here instead.
 * Only the dossier's owner and the officers of its agency may read it; anyone else gets 404.
 */
@Service
public class PaymentReceipts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'ngày' dd/MM/yyyy")
            .withZone(VietnamTime.ZONE);
    private static final byte[] REGULAR = font("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("fonts/DejaVuSans-Bold.ttf");

    private final Payments payments;
    private final Dossiers dossiers;
    private final Applicants applicants;
    private final Agencies agencies;

    PaymentReceipts(Payments payments, Dossiers dossiers, Applicants applicants, Agencies agencies) {
        this.payments = payments;
        this.dossiers = dossiers;
        this.applicants = applicants;
        this.agencies = agencies;
    }

    /** The e-receipt's number: BL-<year paid>-<payment id, 6 digits>. */
    static String number(Payment payment) {
        return "BL-" + payment.paidAt().atZone(VietnamTime.ZONE).getYear() + "-"
                + String.format(Locale.ROOT, "%06d", payment.id());
    }

    /** The address of a payment's e-receipt. */
    public static String url(String orderRef) {
        return "/payments/" + orderRef + "/receipt.pdf";
    }

    /** The confirmed payment, when this account may read its receipt (owner or officer of the agency). */
    public Optional<Payment> readable(String orderRef, AccountPrincipal reader) {
        if (reader == null) {
            return Optional.empty();
        }
        return payments.findByOrderRef(orderRef).filter(p -> p.status() == PaymentStatus.PAID).filter(p -> {
            if (reader.has(Role.APPLICANT) && dossiers.findOwned(p.dossierCode(), reader.id()).isPresent()) {
                return true;
            }
            boolean officer = reader.has(Role.RECEPTION_OFFICER) || reader.has(Role.SPECIALIST)
                    || reader.has(Role.LEADER) || reader.has(Role.AGENCY_ADMIN);
            return officer && reader.agencyCode() != null && reader.agencyCode().equals(p.agencyCode())
                    && dossiers.findAtAgency(p.dossierCode(), reader.agencyCode()).isPresent();
        });
    }

    /** The PDF of a confirmed payment's e-receipt. */
    byte[] pdf(Payment payment) {
        if (payment.status() != PaymentStatus.PAID) {
            throw new IllegalArgumentException("no receipt for an unpaid order");
        }
        Dossier dossier = dossiers.findByCode(payment.dossierCode()).orElseThrow();
        String payer = applicants.profile(dossier.applicantId()).map(PaymentReceipts::payerName).orElse("");
        if (dossier.onBehalf()) {
            payer = payer + " (nộp thay cho " + dossier.representation().representedName() + ")";
        }
        String payee = agencies.find(payment.agencyCode()).map(Agency::name).orElse(payment.agencyCode());
        List<FeeItem> items = payments.items(payment.id());
        if (items.isEmpty()) {
            items = List.of(new FeeItem(payment.purpose(), payment.amountVnd()));
        }
        try (Writer w = new Writer("Biên lai điện tử " + number(payment))) {
            w.centred("BIÊN LAI ĐIỆN TỬ THỬ NGHIỆM (DEMO) – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ", 8, true);
            w.down(10);
            w.line(payee, 9, true);
            w.line("Mã cơ quan: " + payment.agencyCode(), 8, false);
            w.down(4);
            w.centred("BIÊN LAI THU PHÍ, LỆ PHÍ", 13, true);
            w.centred("(bản điện tử)", 8, false);
            w.centred("Số: " + number(payment), 9, false);
            w.down(6);
            w.line("Người nộp tiền: " + payer, 9, false);
            w.line("Mã hồ sơ: " + dossier.code(), 9, false);
            w.line("Thủ tục: " + dossier.procedureName(), 9, false);
            w.down(4);
            float[] columns = {w.width() * 0.1f, w.width() * 0.6f, w.width() * 0.3f};
            w.row(columns, List.of("STT", "Khoản thu", "Số tiền (đồng)"), 8, true);
            int n = 1;
            for (FeeItem item : items) {
                w.row(columns, List.of(Integer.toString(n++), item.description(), vnd(item.amountVnd())), 8, false);
            }
            w.row(columns, List.of("", "Tổng cộng", vnd(payment.amountVnd())), 8, true);
            w.down(4);
            w.line("Số tiền: " + vnd(payment.amountVnd()) + " đồng", 9, true);
            w.line("Bằng chữ: " + VietnameseAmounts.inWords(payment.amountVnd()), 9, false);
            w.down(4);
            w.line("Hình thức thanh toán: trực tuyến qua cổng VNPay", 9, false);
            w.line("Mã giao dịch VNPay: " + nullToEmpty(payment.gatewayTxnNo()), 9, false);
            w.line("Ngân hàng: " + nullToEmpty(payment.bankCode()), 9, false);
            w.line("Mã đơn hàng: " + payment.orderRef(), 9, false);
            w.line("Thời gian thanh toán: " + TIME.format(payment.paidAt()), 9, false);
            w.line("Đơn vị thu: " + payee + " (mã đơn vị nhận tiền " + payment.tmnCode() + ")", 9, false);
            w.down(8);
            w.line("Biên lai điện tử thử nghiệm của hệ thống demo. Khi vận hành thật, biên lai thu phí, lệ phí được "
                    + "lập qua hệ thống hoá đơn, chứng từ điện tử của Bộ Tài chính (Nghị định 123/2020/NĐ-CP) và "
                    + "được tích hợp tại đây.", 7, false);
            return w.bytes();
        }
    }

    private static String payerName(ApplicantProfile profile) {
        return profile.organisationName() != null && !profile.organisationName().isBlank()
                ? profile.organisationName() : nullToEmpty(profile.fullName());
    }

    static String vnd(long amount) {
        return String.format(Locale.ROOT, "%,d", amount).replace(',', '.');
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static byte[] font(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small A5 writer: wrapped lines top to bottom, table rows; DejaVu Sans, text in NFC. */
    private static final class Writer implements AutoCloseable {

        private static final float MARGIN = 36;
        private final PDDocument document = new PDDocument();
        private final PDRectangle size = PDRectangle.A5;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private PDPageContentStream page;
        private float y;

        Writer(String title) {
            try {
                regular = PDType0Font.load(document, new ByteArrayInputStream(REGULAR));
                bold = PDType0Font.load(document, new ByteArrayInputStream(BOLD));
                document.getDocumentInformation().setTitle(title);
                newPage();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        float width() {
            return size.getWidth() - 2 * MARGIN;
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage p = new PDPage(size);
            document.addPage(p);
            page = new PDPageContentStream(document, p);
            y = size.getHeight() - MARGIN;
        }

        void down(float points) {
            y -= points;
        }

        void line(String text, float fontSize, boolean strong) {
            for (String l : wrap(text, width(), fontSize, strong)) {
                show(MARGIN, l, fontSize, strong);
            }
        }

        void centred(String text, float fontSize, boolean strong) {
            float w = textWidth(VietnameseText.nfc(text), fontSize, strong);
            show(MARGIN + Math.max(0, (width() - w) / 2), text, fontSize, strong);
        }

        private void show(float x, String text, float fontSize, boolean strong) {
            try {
                if (y - fontSize * 1.4f < MARGIN) {
                    newPage();
                }
                page.beginText();
                page.setFont(strong ? bold : regular, fontSize);
                page.newLineAtOffset(x, y - fontSize);
                page.showText(VietnameseText.nfc(text));
                page.endText();
                y -= fontSize * 1.4f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void row(float[] columns, List<String> cells, float fontSize, boolean strong) {
            List<List<String>> lines = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < cells.size(); i++) {
                List<String> wrapped = wrap(cells.get(i), columns[i] - 4, fontSize, strong);
                lines.add(wrapped);
                height = Math.max(height, wrapped.size());
            }
            float rowHeight = height * fontSize * 1.35f + 4;
            try {
                if (y - rowHeight < MARGIN) {
                    newPage();
                }
                float top = y;
                float x = MARGIN;
                for (int i = 0; i < cells.size(); i++) {
                    float lineY = top - 2;
                    for (String l : lines.get(i)) {
                        page.beginText();
                        page.setFont(strong ? bold : regular, fontSize);
                        page.newLineAtOffset(x + 2, lineY - fontSize);
                        page.showText(l);
                        page.endText();
                        lineY -= fontSize * 1.35f;
                    }
                    x += columns[i];
                }
                page.setLineWidth(0.5f);
                x = MARGIN;
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

        private List<String> wrap(String text, float width, float fontSize, boolean strong) {
            List<String> out = new ArrayList<>();
            for (String paragraph : VietnameseText.nfc(text == null ? "" : text).split("\n")) {
                StringBuilder l = new StringBuilder();
                for (String word : paragraph.split(" ")) {
                    String candidate = l.isEmpty() ? word : l + " " + word;
                    if (!l.isEmpty() && textWidth(candidate, fontSize, strong) > width) {
                        out.add(l.toString());
                        l = new StringBuilder(word);
                    } else {
                        l = new StringBuilder(candidate);
                    }
                }
                out.add(l.toString());
            }
            return out;
        }

        private float textWidth(String text, float fontSize, boolean strong) {
            try {
                return (strong ? bold : regular).getStringWidth(text) / 1000 * fontSize;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] bytes() {
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
}
