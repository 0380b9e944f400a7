package vn.dvc.payment;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
import vn.dvc.shared.FormPdf;
import vn.dvc.shared.VietnamTime;

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
        try (FormPdf w = new FormPdf("Biên lai điện tử " + number(payment))) {
            centred(w, "BIÊN LAI ĐIỆN TỬ THỬ NGHIỆM (DEMO) – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ", 8, true);
            w.space(10);
            w.paragraph(0, payee, 9, true);
            w.paragraph(0, "Mã cơ quan: " + payment.agencyCode(), 8, false);
            w.space(4);
            centred(w, "BIÊN LAI THU PHÍ, LỆ PHÍ", 13, true);
            centred(w, "(bản điện tử)", 8, false);
            centred(w, "Số: " + number(payment), 9, false);
            w.space(6);
            w.paragraph(0, "Người nộp tiền: " + payer, 9, false);
            w.paragraph(0, "Mã hồ sơ: " + dossier.code(), 9, false);
            w.paragraph(0, "Thủ tục: " + dossier.procedureName(), 9, false);
            w.space(4);
            float[] columns = {w.width() * 0.1f, w.width() * 0.6f, w.width() * 0.3f};
            w.row(columns, List.of("STT", "Khoản thu", "Số tiền (đồng)"), 8, true);
            int n = 1;
            for (FeeItem item : items) {
                w.row(columns, List.of(Integer.toString(n++), item.description(), vnd(item.amountVnd())), 8, false);
            }
            w.row(columns, List.of("", "Tổng cộng", vnd(payment.amountVnd())), 8, true);
            w.space(4);
            w.paragraph(0, "Số tiền: " + vnd(payment.amountVnd()) + " đồng", 9, true);
            w.paragraph(0, "Bằng chữ: " + VietnameseAmounts.inWords(payment.amountVnd()), 9, false);
            w.space(4);
            w.paragraph(0, "Hình thức thanh toán: trực tuyến qua cổng VNPay", 9, false);
            w.paragraph(0, "Mã giao dịch VNPay: " + nullToEmpty(payment.gatewayTxnNo()), 9, false);
            w.paragraph(0, "Ngân hàng: " + nullToEmpty(payment.bankCode()), 9, false);
            w.paragraph(0, "Mã đơn hàng: " + payment.orderRef(), 9, false);
            w.paragraph(0, "Thời gian thanh toán: " + TIME.format(payment.paidAt()), 9, false);
            w.paragraph(0, "Đơn vị thu: " + payee + " (mã đơn vị nhận tiền " + payment.tmnCode() + ")", 9, false);
            w.space(8);
            w.paragraph(0, "Biên lai điện tử thử nghiệm của hệ thống demo. Khi vận hành thật, biên lai thu phí, lệ phí được "
                    + "lập qua hệ thống hoá đơn, chứng từ điện tử của Bộ Tài chính (Nghị định 123/2020/NĐ-CP) và "
                    + "được tích hợp tại đây.", 7, false);
            return w.bytes();
        }
    }

    /** A line centred on the page. */
    private static void centred(FormPdf pdf, String text, float fontSize, boolean strong) {
        pdf.centred(0, pdf.width(), text, fontSize, strong);
        pdf.down(fontSize);
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

}
