package vn.dvc.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.mail.internet.MimeMessage;
import vn.dvc.TestMail;
import vn.dvc.shared.TaxCode;

/**
 * Registration forms filled with valid, unique values (identity numbers, tax codes, addresses, client
 * addresses), so that tests change only what they test and never meet each other's accounts. All
 * numbers are invented.
 */
final class ApplicantForms {

    static final String PASSWORD = "Núi Hàm Rồng cao 1092 mét";
    private static final AtomicInteger SERIAL = new AtomicInteger(new Random().nextInt(400_000));
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-]+)");

    private ApplicantForms() {
    }

    static int serial() {
        return SERIAL.incrementAndGet();
    }

    /** A man born on 20 May 1990 whose birth was registered in Gia Lai (064). */
    static Map<String, String> citizen() {
        int n = serial();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("fullName", "Rơ Mah Thử Nghiệm");
        form.put("citizenId", "064090" + String.format("%06d", n));
        form.put("dateOfBirth", "1990-05-20");
        form.put("sex", "MALE");
        form.put("phone", "0912 " + String.format("%06d", n).substring(0, 3) + " " + String.format("%06d", n).substring(3));
        form.put("email", String.format("congdan%06d@example.vn", n));
        form.put("address", "Số " + n + " Lê Lợi, phường Pleiku, tỉnh Gia Lai");
        form.put("password", PASSWORD);
        form.put("passwordConfirmation", PASSWORD);
        form.put("termsAccepted", "true");
        return form;
    }

    static Map<String, String> organisation() {
        int n = serial();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("organisationName", "Hợp tác xã Thử Nghiệm " + n);
        form.put("taxCode", taxCode(n));
        form.put("address", "Số " + n + " Trần Phú, phường Quy Nhơn, tỉnh Gia Lai");
        form.put("representativeName", "Siu H'Lan");
        form.put("representativeCitizenId", "052185" + String.format("%06d", n));
        form.put("representativePosition", "Giám đốc");
        form.put("email", String.format("tochuc%06d@example.vn", n));
        form.put("phone", "0269 3" + String.format("%06d", n));
        form.put("password", PASSWORD);
        form.put("passwordConfirmation", PASSWORD);
        form.put("termsAccepted", "true");
        return form;
    }

    /** A valid tax code with Gia Lai's prefix 59 and a sequence no real enterprise has yet. */
    static String taxCode(int n) {
        for (int sequence = 9_000_000 + n % 900_000; ; sequence++) {
            String nine = "59" + sequence;
            int check = TaxCode.checkDigit(nine);
            if (check >= 0) {
                return nine + check;
            }
        }
    }

    static MockHttpServletRequestBuilder register(String path, Map<String, String> form) {
        MockHttpServletRequestBuilder request = post(path).with(csrf()).with(from(uniqueClient()));
        form.forEach((name, value) -> {
            if (value != null) {
                request.param(name, value);
            }
        });
        return request;
    }

    static String uniqueClient() {
        int n = serial();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    /** The request comes from this client address (the throttles count per address). */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The token of the only link in the single mail to this address, waiting for the mail to arrive. */
    static String tokenMailedTo(String address, int mailNumber, String path) throws Exception {
        List<MimeMessage> mails = TestMail.awaitMessagesTo(address, mailNumber);
        if (mails.size() < mailNumber) {
            throw new AssertionError("mail " + mailNumber + " to " + address + " did not arrive");
        }
        // Mails leave from separate dispatches and may arrive in any order: take the latest with that link.
        String text = null;
        for (MimeMessage mail : mails.subList(0, mailNumber)) {
            String candidate = TestMail.text(mail);
            if (candidate.contains("http://localhost:8080" + path + "?token=")) {
                text = candidate;
            }
        }
        if (text == null) {
            throw new AssertionError("no link to " + path + " in the first " + mailNumber + " mails to " + address);
        }
        Matcher m = TOKEN.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no token in: " + text);
        }
        return m.group(1);
    }
}
