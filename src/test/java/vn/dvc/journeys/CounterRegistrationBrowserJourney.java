package vn.dvc.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.dvc.IntegrationTest;

/** The reception officer opens the counter registration form on a phone: each label sits above its field. */
@IntegrationTest
class CounterRegistrationBrowserJourney extends PhoneJourney {

    @Test
    void theApplicantsLabelsAreAboveTheirFieldsOnAPhone() {
        browser.get(url("/login"));
        type("username", "tiepnhan.stp");
        type("password", "GiaLai@2026");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get(url("/reception"));
        Accessibility.check(browser, "the reception queue");

        browser.get(url("/reception/register?procedureCode=1.003915"));
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("a-id")));
        Accessibility.check(browser, "the counter registration form");
        for (String id : new String[] {"a-name", "a-id", "a-dob", "a-sex", "a-phone", "a-email", "a-address"}) {
            WebElement label = browser.findElement(By.cssSelector("label[for='" + id + "']"));
            WebElement field = browser.findElement(By.id(id));
            assertThat(label.getRect().getY() + label.getRect().getHeight())
                    .as("label of %s above its field", id).isLessThanOrEqualTo(field.getRect().getY());
            assertThat(field.getRect().getX()).as("%s starts at the left edge of its box", id)
                    .isLessThanOrEqualTo(label.getRect().getX() + 1);
        }
        assertNoHorizontalScroll();

        // Sent half filled in (the browser's own checks off): the server's errors are shown at the fields.
        type("a-id", "123");
        browser.executeScript("document.getElementById('register-form').noValidate = true;");
        WebElement register = browser.findElement(By.id("register"));
        register.click();
        Browser.waitFor(browser).until(gone -> Browser.isDetached(register));
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#page-errors, [aria-invalid=true]")));
        Accessibility.check(browser, "the counter registration form with errors");
    }
}
