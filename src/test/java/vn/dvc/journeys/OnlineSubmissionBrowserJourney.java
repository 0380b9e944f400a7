package vn.dvc.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import jakarta.mail.internet.MimeMessage;
import vn.dvc.IntegrationTest;
import vn.dvc.TestMail;
import vn.dvc.shared.VietnamTime;

/**
 * A citizen on a phone registers, reads the verification mail, opens its link, signs in with the
 * citizen identity number and sees a verified profile; then finds birth registration in the
 * catalogue, fills its e-form, uploads PDFs, saves the draft, resumes it from "my dossiers", submits,
 * sees the dossier code, and looks the dossier up as the public. Each page on the way is checked for
 * accessibility, and so are the registration form with errors, the sign-in page after a wrong password, the
 * e-form refused by the server and with a condition met, and the lookup of an unknown code.
 */
@IntegrationTest
class OnlineSubmissionBrowserJourney extends PhoneJourney {

    static final String PASSWORD = "Thác Phú Cường đổ trắng xoá";

    @Test
    void citizenRegistersVerifiesSubmitsABirthRegistrationOnlineAndLooksItUp() throws Exception {
        int serial = 100_000 + new Random().nextInt(900_000);
        String citizenId = "064192" + serial; // a woman born in 1992, birth registered in Gia Lai (invented)
        String email = "hanh" + serial + "@example.vn";

        browser.get(url("/"));
        Accessibility.check(browser, "the home page");
        browser.findElement(By.linkText("Đăng ký")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("register-form")));
        assertThat(browser.findElement(By.cssSelector("label[for=citizenId]")).getText()).contains("CCCD");
        Accessibility.check(browser, "the registration form");
        // Sent empty first: every error is tied to its field and announced.
        browser.findElement(By.cssSelector("#register-form button[type=submit]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("citizenId-error")));
        Accessibility.check(browser, "the registration form with errors");

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
        type("password", "not the password");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main [role=alert]")));
        Accessibility.check(browser, "the sign-in page after a wrong password");
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

        // Find the procedure, typed without diacritics, and apply.
        browser.get(url("/procedures?q=dang+ky+khai+sinh"));
        Accessibility.check(browser, "the catalogue's search results");
        browser.findElement(By.cssSelector("a[href$='/procedures/1.001193']")).click();
        Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("apply-online")));
        Accessibility.check(browser, "a procedure's page");
        browser.findElement(By.id("apply-online")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("draft-form")));
        String draftUrl = browser.getCurrentUrl();
        // The declarant is prefilled from the profile.
        assertThat(browser.findElement(By.id("f-declarant-0-fullName")).getAttribute("value")).isEqualTo("Ksor H'Hạnh");
        assertThat(browser.findElement(By.id("f-declarant-0-citizenId")).getAttribute("value")).isEqualTo(citizenId);
        Accessibility.check(browser, "the e-form");

        // Submitted unfilled: the server's errors are listed, linked to their fields and announced.
        browser.findElement(By.id("submit-dossier")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("eform-summary")));
        Accessibility.check(browser, "the e-form after a refused submission");
        // Another nationality asks which (a condition the script applies at once).
        new Select(browser.findElement(By.id("f-child-0-nationality"))).selectByValue("OTHER");
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("f-child-0-nationalityOther")));
        Accessibility.check(browser, "the e-form with a condition met");

        new Select(browser.findElement(By.id("agencyCode"))).selectByIndex(1);
        type("f-child-0-fullName", "Rơ Châm Ly");
        String born = LocalDate.now(VietnamTime.ZONE).minusDays(12).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        type("f-child-0-dateOfBirth", born);
        browser.findElement(By.cssSelector("label[for=f-child-0-sex-2]")).click();
        type("f-child-0-placeOfBirth", "Bệnh viện Đa khoa tỉnh Gia Lai");
        new Select(browser.findElement(By.id("f-child-0-ethnicity"))).selectByVisibleText("Gia-rai");
        new Select(browser.findElement(By.id("f-child-0-nationality"))).selectByVisibleText("Việt Nam");
        new Select(browser.findElement(By.id("f-declarant-0-relationship"))).selectByVisibleText("Mẹ");
        browser.findElement(By.cssSelector("label[for=f-commitment]")).click();
        String pdf = Path.of("src/test/resources/document/giay-to-demo.pdf").toAbsolutePath().toString();
        browser.findElement(By.id("file-1")).sendKeys(pdf);
        browser.findElement(By.id("file-2")).sendKeys(pdf);
        browser.findElement(By.cssSelector("#component-1 button[value=upload]")).click();

        // Saved: the files are listed; leave and resume from "my dossiers".
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("autosave-status"),
                "Đã lưu bản nháp"));
        assertThat(browser.findElements(By.cssSelector("#draft-form .component li"))).hasSize(2);
        assertNoHorizontalScroll();
        Accessibility.check(browser, "the draft with its uploaded files");
        browser.get(url("/"));
        browser.findElement(By.linkText("Hồ sơ của tôi")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("drafts")));
        Accessibility.check(browser, "Hồ sơ của tôi");
        browser.findElement(By.cssSelector("#drafts a")).click();
        Browser.waitFor(browser).until(ExpectedConditions.urlToBe(draftUrl));
        assertThat(browser.findElement(By.id("f-child-0-fullName")).getAttribute("value")).isEqualTo("Rơ Châm Ly");

        browser.findElement(By.id("submit-dossier")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-code")));
        String code = browser.findElement(By.id("dossier-code")).getText();
        assertThat(code).matches("^\\d{3}\\.\\d{2}\\.\\d{2}\\.H21-\\d{6}-\\d{4}$");
        assertThat(browser.findElement(By.id("dossier-status")).getText()).isEqualTo("Mới đăng ký");
        assertThat(browser.findElement(By.id("timeline")).getText()).isNotBlank();
        Accessibility.check(browser, "the dossier with its timeline");
        assertThat(TestMail.awaitMessagesTo(email, 2).get(1).getSubject()).contains(code);

        // The public, signed out, looks the dossier up by its code and sees no personal data.
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='/login']")));
        browser.get(url("/lookup"));
        type("lookup-code", "000.00.03.H21-990101-9999");
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("lookup-not-found")));
        Accessibility.check(browser, "the lookup of an unknown code");
        type("lookup-code", code);
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("lookup-status")));
        assertThat(browser.findElement(By.id("lookup-status")).getText()).isEqualTo("Mới đăng ký");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Rơ Châm Ly", "Ksor H'Hạnh",
                citizenId);
        assertNoHorizontalScroll();
        Accessibility.check(browser, "the lookup of a dossier");
    }
}
