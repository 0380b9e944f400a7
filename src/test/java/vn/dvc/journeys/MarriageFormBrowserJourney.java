package vn.dvc.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.dvc.IntegrationTest;

/**
 * A citizen on a phone, with JavaScript switched off, fills the marriage registration e-form: the earlier
 * marriages appear once "married before" is saved (the server applies the condition), a second one is added
 * to the repeating group, and a submission with answers missing is refused with the server's errors. Each
 * state is checked for accessibility.
 */
@IntegrationTest
class MarriageFormBrowserJourney extends PhoneJourney {

    /** Marriage registration: a demo e-form with a condition and a repeating group in each party. */
    static final String PROCEDURE = "1.000894";

    @Test
    void theMarriageFormStaysAccessibleThroughItsConditionItsRepeatingGroupAndTheServersErrors() {
        browser.quit();
        browser = Browser.phone(false);
        signIn("congdan");
        browser.get(url("/procedures/" + PROCEDURE));
        browser.findElement(By.id("apply-online")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("draft-form")));
        assertThat(browser.findElement(By.id("f-bride-0-previousMarriages-0-spouseName")).isDisplayed()).isFalse();

        browser.findElement(By.cssSelector("label[for=f-bride-0-marriedBefore-2]")).click();
        browser.findElement(By.id("save-draft")).click();
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("f-bride-0-previousMarriages-0-spouseName")));
        type("f-bride-0-previousMarriages-0-spouseName", "Rơ Mah Hiếu");
        browser.findElement(By.cssSelector("#f-bride-0-previousMarriages button.eform-add")).click();
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("f-bride-0-previousMarriages-1-spouseName")));
        assertThat(browser.findElement(By.id("f-bride-0-previousMarriages-0-spouseName")).getAttribute("value"))
                .isEqualTo("Rơ Mah Hiếu");
        assertNoHorizontalScroll();
        Accessibility.check(browser, "the marriage e-form with two earlier marriages, without JavaScript");

        browser.findElement(By.id("submit-dossier")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("eform-summary")));
        assertThat(browser.findElements(By.cssSelector("#eform-summary a[href='#f-bride-0-previousMarriages-1-spouseName']")))
                .as("the missing name of the second earlier marriage is listed and linked").hasSize(1);
        assertThat(browser.findElement(By.id("f-bride-0-previousMarriages-1-spouseName")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        Accessibility.check(browser, "the marriage e-form refused by the server, without JavaScript");
    }
}
