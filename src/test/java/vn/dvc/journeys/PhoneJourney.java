package vn.dvc.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A journey in headless Chromium on a phone-sized screen against the running application. */
abstract class PhoneJourney {

    /** The demo accounts' password (README). */
    static final String DEMO_PASSWORD = "GiaLai@2026";

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

    /** Types into a field; a date input gets its value set directly (its typing order follows the locale). */
    void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        if ("date".equals(field.getAttribute("type"))) {
            browser.executeScript("arguments[0].value = arguments[1];", field, value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
    }

    /**
     * Signs a demo account in (password {@value #DEMO_PASSWORD}) and waits for the signed-in page. After a
     * sign-out the previous navigation may still be landing, so the form is awaited first.
     */
    void signIn(String username) {
        browser.get(url("/login"));
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        type("username", username);
        type("password", DEMO_PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("form[action$='/logout'] button")));
    }

    void assertNoHorizontalScroll() {
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("page wider than a phone screen").isLessThanOrEqualTo(0L);
    }
}
