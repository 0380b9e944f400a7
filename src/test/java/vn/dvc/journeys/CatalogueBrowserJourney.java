package vn.dvc.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.dvc.IntegrationTest;

/** A citizen on a phone finds a procedure without typing diacritics, reads it, and switches to English. */
@IntegrationTest
class CatalogueBrowserJourney extends PhoneJourney {

    @Test
    void citizenFindsAConstructionPermitWithoutDiacriticsAndSwitchesToEnglish() {
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");

        // Keyboard users land on the skip link first.
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("class")).contains("skip-link");

        WebElement search = browser.findElement(By.id("home-q"));
        assertThat(browser.findElement(By.cssSelector("label[for=home-q]")).getText()).isNotBlank();
        search.sendKeys("giay phep xay dung", Keys.ENTER);

        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
        assertThat(browser.findElement(By.id("result-count")).getText()).startsWith("Tìm thấy");
        WebElement first = browser.findElement(By.cssSelector("#results li a"));
        assertThat(first.getText().toLowerCase()).contains("giấy phép xây dựng");
        String name = first.getText();
        first.click();

        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("procedure-name")));
        assertThat(browser.findElement(By.id("procedure-name")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.id("channels")).getText()).contains("Trực tiếp");
        assertNoHorizontalScroll();

        browser.findElement(By.id("lang-switch")).click();
        Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(browser.findElement(By.id("channels")).getText()).contains("In person");
        assertThat(browser.getPageSource()).contains("How to apply: processing time and fees");
        // Data stays as published (Vietnamese); only the interface changes language.
        assertThat(browser.findElement(By.id("procedure-name")).getText()).isEqualTo(name);
        Accessibility.check(browser, "a procedure's page in English", "en");

        browser.findElement(By.id("lang-switch")).click();
        Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "vi"));
    }

    @Test
    void citizenFiltersTheCatalogueByServiceLevelAndPages() {
        browser.get(url("/procedures?q=ho+tich&serviceLevel=4"));
        String count = browser.findElement(By.id("result-count")).getText();
        assertThat(count).matches("Tìm thấy \\d+ thủ tục");
        assertThat(browser.findElements(By.cssSelector("#results .badge.level-4"))).isNotEmpty();
        browser.get(url("/procedures"));
        browser.findElement(By.cssSelector("a[rel=next]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("page=1"));
        assertThat(browser.findElements(By.cssSelector("#results li"))).hasSize(20);
        assertNoHorizontalScroll();
        Accessibility.check(browser, "the catalogue's second page");
    }
}
