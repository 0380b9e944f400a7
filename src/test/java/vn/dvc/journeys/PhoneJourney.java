package vn.dvc.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A journey in headless Chromium on a phone-sized screen against the running application. */
abstract class PhoneJourney {

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

    void assertNoHorizontalScroll() {
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("page wider than a phone screen").isLessThanOrEqualTo(0L);
    }
}
