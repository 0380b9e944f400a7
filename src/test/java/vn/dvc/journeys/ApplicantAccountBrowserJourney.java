package vn.dvc.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import jakarta.mail.internet.MimeMessage;
import vn.dvc.IntegrationTest;
import vn.dvc.TestMail;

/**
 * A citizen on a phone registers, reads the verification mail, opens its link, signs in with the
 * citizen identity number and sees a verified profile.
 */
@IntegrationTest
class ApplicantAccountBrowserJourney {

    static final String PASSWORD = "Thác Phú Cường đổ trắng xoá";

    @LocalServerPort
    int port;
    ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.phone();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void citizenRegistersVerifiesTheEmailSignsInAndSeesTheProfile() throws Exception {
        int serial = 100_000 + new Random().nextInt(900_000);
        String citizenId = "064192" + serial; // a woman born in 1992, birth registered in Gia Lai (invented)
        String email = "hanh" + serial + "@example.vn";

        browser.get(url("/"));
        browser.findElement(By.linkText("Đăng ký")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("register-form")));
        assertThat(browser.findElement(By.cssSelector("label[for=citizenId]")).getText()).contains("CCCD");

        type("fullName", "Ksor H'Hạnh");
        type("citizenId", citizenId);
        // The date picker's typing order follows the browser's language; the value is what is sent.
        browser.executeScript("document.getElementById('dateOfBirth').value = '1992-08-15';");
        browser.findElement(By.cssSelector("label[for=sex-FEMALE]")).click();
        type("phone", "0935 " + serial);
        type("email", email);
        type("address", "Số 12 Nguyễn Tất Thành, phường Diên Hồng, tỉnh Gia Lai");
        type("password", PASSWORD);
        type("passwordConfirmation", PASSWORD);
        browser.findElement(By.cssSelector("label[for=termsAccepted]")).click();
        assertNoHorizontalScroll();
        browser.findElement(By.cssSelector("#register-form button[type=submit]")).click();

        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/register/done"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Kiểm tra hộp thư của bạn");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains(email);

        List<MimeMessage> mails = TestMail.awaitMessagesTo(email, 1);
        assertThat(mails).hasSize(1);
        Matcher link = Pattern.compile("http://localhost:8080(/verify-email\\?token=[A-Za-z0-9_\\-]+)")
                .matcher(TestMail.text(mails.get(0)));
        assertThat(link.find()).as("verification link in the mail").isTrue();
        // The mail points at the public address (app.public-url); the test server listens elsewhere.
        browser.get(url(link.group(1)));
        assertThat(browser.findElement(By.id("verify-outcome")).getText()).contains("đã được xác thực");

        browser.findElement(By.cssSelector("main a[href$='/login']")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        type("username", citizenId);
        type("password", PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.linkText("Tài khoản của tôi")));
        browser.findElement(By.linkText("Tài khoản của tôi")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("profile")));
        assertThat(browser.findElement(By.id("profile-name")).getText()).isEqualTo("Ksor H'Hạnh");
        assertThat(browser.findElement(By.id("profile-citizen-id")).getText()).isEqualTo(citizenId);
        assertThat(browser.findElement(By.id("email-status")).getText()).isEqualTo("Đã xác thực");
        assertThat(browser.findElement(By.id("history")).getText()).contains("Đăng ký tài khoản", "Xác thực email");
        assertNoHorizontalScroll();
    }

    void assertNoHorizontalScroll() {
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("page wider than a phone screen").isLessThanOrEqualTo(0L);
    }
}
