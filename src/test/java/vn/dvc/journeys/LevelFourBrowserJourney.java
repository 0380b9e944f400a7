package vn.dvc.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import vn.dvc.IntegrationTest;

/**
 * A level-4 service from the first click to the verified result, each person on their own phone:
 * the citizen submits an application with a fee and pays it in the test gateway and sees the
 * receipt; the reception officer asks for a supplement; the citizen supplies it; the reception
 * officer receives the dossier; the specialist takes it, attaches the result and forwards it; the
 * leader approves (the result is signed); the reception officer returns it online; the citizen
 * downloads the signed result, opens the verification page from its QR code and rates the handling.
 */
@IntegrationTest
class LevelFourBrowserJourney extends PhoneJourney {

    /** Re-issue of an auction practising certificate: Department of Justice, level 4, fee 500,000 VND. */
    static final String PROCEDURE = "1.000802";
    static final Path PDF = Path.of("src/test/resources/document/giay-to-demo.pdf").toAbsolutePath();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCitizenPaysOnlineEveryOfficerDoesTheirStepAndTheSignedResultIsVerifiedByItsQrCode() throws Exception {
        // The citizen applies and pays the fee in the test gateway.
        signIn("congdan");
        browser.get(url("/procedures/" + PROCEDURE));
        assertThat(browser.findElement(By.id("offering-payment")).getText()).contains("có");
        assertThat(browser.findElement(By.id("offering-result")).getText()).contains("có");
        Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("apply-online"))).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("draft-form")));
        type("f-requestSummary", "Đề nghị cấp lại Chứng chỉ hành nghề đấu giá do bị mất.");
        for (WebElement file : browser.findElements(By.cssSelector("#draft-form input[type=file]"))) {
            file.sendKeys(PDF.toString());
        }
        // The procedure's components (if any) get a PDF each; the draft is saved with them.
        browser.findElement(By.cssSelector(browser.findElements(By.cssSelector("#draft-form button[value=upload]"))
                .isEmpty() ? "#save-draft" : "#draft-form button[value=upload]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("autosave-status"),
                "Đã lưu bản nháp"));
        browser.findElement(By.id("submit-dossier")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-code")));
        String code = browser.findElement(By.id("dossier-code")).getText();
        assertThat(code).startsWith("000.00.03.H21-");
        assertThat(browser.findElement(By.id("payment-fee")).getText()).contains("500.000");
        assertNoHorizontalScroll();

        browser.findElement(By.id("pay-online")).click();
        followPublicAddress("/sandbox/vnpay/pay");
        Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("sandbox-pay")));
        assertThat(browser.findElement(By.id("sandbox-amount")).getText()).contains("500.000");
        browser.findElement(By.id("sandbox-pay")).click();
        followPublicAddress("/payments/vnpay/return");
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("return-receipt")));
        String receipt = pdfText(browser.findElement(By.id("return-receipt")).getAttribute("href"));
        assertThat(receipt).contains(code).contains("500.000");
        signOut();

        // The reception officer asks for one more document.
        signIn("tiepnhan.stp");
        browser.get(url("/reception"));
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.partialLinkText(code)));
        Accessibility.check(browser, "the reception queue with the dossier in it");
        officerPage(code);
        Accessibility.check(browser, "the officer's dossier page with its actions");
        type("supplement-items", "Bản sao Giấy chứng minh nhân dân hoặc Căn cước công dân");
        type("supplement-reason", "Hồ sơ chưa có giấy tờ tùy thân của người đề nghị.");
        browser.findElement(By.id("request-supplement")).click();
        awaitStatus("Yêu cầu bổ sung");
        signOut();

        // The citizen supplies it.
        signIn("congdan");
        browser.get(url("/dossiers/" + code));
        browser.findElement(By.id("item-1")).sendKeys(PDF.toString());
        type("supplement-note", "Xin gửi bản sao CCCD.");
        browser.findElement(By.id("send-supplement")).click();
        awaitStatus("Mới đăng ký");
        signOut();

        // The reception officer receives it: processing starts.
        signIn("tiepnhan.stp");
        officerPage(code);
        browser.findElement(By.id("receive")).click();
        awaitStatus("Đang xử lý");
        signOut();

        // The specialist takes it from the work list, attaches the result and forwards it to the leader.
        signIn("chuyenvien.stp");
        browser.get(url("/processing"));
        Accessibility.check(browser, "the processing work list");
        browser.findElement(By.partialLinkText(code)).click();
        clickAndWaitForNextPage(Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("take"))));
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("result-file")));
        Accessibility.check(browser, "a processing step taken by the specialist");
        browser.findElement(By.id("result-file")).sendKeys(PDF.toString());
        clickAndWaitForNextPage(browser.findElement(By.id("upload-result")));
        Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("forward")));
        Accessibility.check(browser, "a processing step with its result attached");
        browser.findElement(By.id("forward")).click();
        Browser.waitFor(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("forward")));
        assertNoHorizontalScroll();
        signOut();

        // The leader approves: the dossier is finished and its result signed.
        signIn("lanhdao.stp");
        officerPage(code);
        if (!browser.findElements(By.id("take")).isEmpty()) {
            clickAndWaitForNextPage(browser.findElement(By.id("take")));
        }
        Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("approve")));
        Accessibility.check(browser, "the leader's approval step");
        browser.findElement(By.id("approve")).click();
        awaitStatus("Đã xử lý xong");
        signOut();

        // The reception officer returns the result online.
        signIn("tiepnhan.stp");
        officerPage(code);
        Accessibility.check(browser, "the officer's page returning the result");
        browser.findElement(By.id("return-result")).click();
        awaitStatus("Đã trả kết quả");
        signOut();

        // The citizen downloads the signed result, follows its QR code, and rates the handling.
        signIn("congdan");
        browser.get(url("/dossiers/" + code));
        WebElement result = browser.findElement(By.cssSelector("#results a[href$='.pdf']"));
        assertThat(result.getText()).contains(code + "-KQ1");
        String qr = qrCode(download(result.getAttribute("href")));
        assertThat(qr).endsWith("/verify/" + code + "-KQ1");
        browser.get(url(URI.create(qr).getPath()));
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("verify-genuine-code")));
        assertThat(browser.findElement(By.id("verify-result")).getText()).contains("Sở Tư pháp");
        assertNoHorizontalScroll();

        browser.get(url("/dossiers/" + code));
        browser.findElement(By.cssSelector("label[for=rating-VERY_SATISFIED], #rating-VERY_SATISFIED")).click();
        browser.findElement(By.id("send-rating")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("rating-given")));
        assertThat(browser.findElement(By.id("rating-given")).getText()).isNotBlank();
    }

    private void signOut() {
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='/login']")));
    }

    /**
     * The gateway's addresses are built on the public address (app.public-url, port 8080); the test
     * server listens on another port: the browser is sent on to the same path there.
     */
    private void followPublicAddress(String path) {
        Browser.waitFor(browser).until(ExpectedConditions.urlContains(path));
        URI address = URI.create(browser.getCurrentUrl());
        if (address.getPort() != port) {
            browser.get(url(address.getRawPath() + (address.getRawQuery() == null ? "" : "?" + address.getRawQuery())));
        }
    }

    /** Clicks a button that posts a form and waits until the page it was on has gone. */
    private void clickAndWaitForNextPage(WebElement button) {
        button.click();
        Browser.waitFor(browser).until(gone -> Browser.isDetached(button));
    }

    private void officerPage(String code) {
        browser.get(url("/reception/dossiers/" + code));
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-status")));
    }

    /** Waits for the page the last click leads to (the old page may still be read meanwhile). */
    private void awaitStatus(String label) {
        Browser.waitFor(browser).ignoring(WebDriverException.class).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("dossier-status"), label));
    }

    /** A file the signed-in person may download, fetched with the browser's session. */
    private byte[] download(String address) throws Exception {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("");
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(address))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("download of %s", address).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        return response.body();
    }

    /** The text of a PDF the signed-in person downloads, read by poppler's pdftotext. */
    private String pdfText(String address) throws Exception {
        Path file = Files.createTempFile(Path.of("target"), "journey-", ".pdf");
        Files.write(file, download(address));
        Process process = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-").start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        return text;
    }

    /** The address in the QR code printed at the foot of the result's last page. */
    private static String qrCode(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 200);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        }
    }
}
