package vn.dvc.payment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.identity.Role;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException;

/**
 * The payment pages: the return page the gateway sends the browser back to (it only displays, the IPN alone
 * changes state), the applicant's "pay online" button and the officer's request form (both posted from the
 * fragments on the dossier pages), and the e-receipt download.
 */
@Controller
class PaymentPages {

    static final String RETURN_PATH = "/payments/vnpay/return";

    private final Merchants merchants;
    private final Payments payments;
    private final PaymentStart start;
    private final PaymentRequests requests;
    private final PaymentReceipts receipts;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    PaymentPages(Merchants merchants, Payments payments, PaymentStart start, PaymentRequests requests,
            PaymentReceipts receipts, CurrentUser currentUser, MessageSource messages) {
        this.merchants = merchants;
        this.payments = payments;
        this.start = start;
        this.requests = requests;
        this.receipts = receipts;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping(RETURN_PATH)
    String returned(@RequestParam Map<String, String> params, Model model) {
        boolean valid = merchants.byTmnCode(params.get("vnp_TmnCode"))
                .map(m -> VnpaySignature.verify(m.hashSecret(), params)).orElse(false);
        model.addAttribute("valid", valid);
        if (valid) {
            String code = params.get("vnp_ResponseCode");
            boolean paid = "00".equals(code) && "00".equals(params.get("vnp_TransactionStatus"));
            model.addAttribute("outcome", paid ? "paid" : "24".equals(code) ? "cancelled" : "failed");
            Payment payment = payments.findByOrderRef(params.getOrDefault("vnp_TxnRef", ""))
                    .filter(p -> p.tmnCode().equals(params.get("vnp_TmnCode"))).orElse(null);
            model.addAttribute("payment", payment);
            // The receipt link only for who may read it (the page itself is public).
            model.addAttribute("receiptUrl", payment == null ? null
                    : receipts.readable(payment.orderRef(), currentUser.principal().orElse(null))
                            .map(p -> PaymentReceipts.url(p.orderRef())).orElse(null));
        }
        return "payment/return";
    }

    /** The applicant's "Thanh toán trực tuyến" button: starts the payment and sends the browser to the gateway. */
    @PostMapping("/payments/dossiers/{code}/pay")
    String pay(@PathVariable String code, HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        AccountPrincipal applicant = currentUser.principal().filter(p -> p.has(Role.APPLICANT))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            return "redirect:" + start.start(code, applicant.id(), request.getRemoteAddr(),
                    "en".equals(locale.getLanguage()) ? "en" : "vn");
        } catch (vn.dvc.shared.NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("paymentProblem", messages.getMessage(e.messageKey(), e.args(), locale));
            return "redirect:/dossiers/" + code;
        }
    }

    /** The officer's request for an additional amount, from the form on the officer's dossier page. */
    @PostMapping("/payments/dossiers/{code}/request")
    String request(@PathVariable String code, @RequestParam(required = false) String amountVnd,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String deadline,
            RedirectAttributes redirect, Locale locale) {
        AccountPrincipal officer = currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            requests.request(code, officer, amount(amountVnd), reason, date(deadline));
            redirect.addFlashAttribute("done", "payment.request.done");
        } catch (vn.dvc.shared.NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (InvalidInputException | ConflictException e) {
            if (e instanceof InvalidInputException invalid && !invalid.fieldProblems().isEmpty()) {
                invalid.fieldProblems().forEach(f -> errors.put(f.field(),
                        messages.getMessage(f.messageKey(), f.args().toArray(), locale)));
            } else {
                errors.put("request", messages.getMessage(((ProblemException) e).messageKey(),
                        ((ProblemException) e).args(), locale));
            }
            redirect.addFlashAttribute("paymentErrors", errors);
            redirect.addFlashAttribute("paymentForm", Map.of("amountVnd", amountVnd == null ? "" : amountVnd,
                    "reason", reason == null ? "" : reason, "deadline", deadline == null ? "" : deadline));
        }
        return "redirect:/reception/dossiers/" + code;
    }

    /** The e-receipt of a confirmed payment: for the dossier's owner and the agency's officers; 404 for others. */
    @GetMapping("/payments/{orderRef}/receipt.pdf")
    ResponseEntity<byte[]> receipt(@PathVariable String orderRef) {
        Payment payment = receipts.readable(orderRef, currentUser.principal().orElse(null))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"bien-lai-" + orderRef + ".pdf\"")
                .body(receipts.pdf(payment));
    }

    /** A whole number of đồng typed by an officer ("50.000", "50000"); null when it is not one. */
    static Long amount(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.strip().replace(".", "").replace(",", "").replace(" ", "");
        return digits.matches("\\d{1,13}") ? Long.valueOf(digits) : null;
    }

    static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
