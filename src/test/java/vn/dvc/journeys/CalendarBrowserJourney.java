package vn.dvc.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.dvc.IntegrationTest;

/**
 * The provincial coordinator enters a newly announced day off; citizens see it on the public calendar
 * and the appointment computed there moves; the coordinator removes it again.
 */
@IntegrationTest
class CalendarBrowserJourney extends PhoneJourney {

    @Test
    void coordinatorEntersAnAnnouncedDayOffAndCitizensSeeItsEffect() {
        browser.get(url("/login"));
        type("username", "dieuphoi.stttt");
        type("password", "GiaLai@2026");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get(url("/admin"));
        browser.findElement(By.cssSelector("a[href='/admin/calendar']")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("firstDay")));
        browser.get(url("/admin/calendar?year=2096"));

        // Monday 18 June 2096 (a made-up announcement, years ahead of any real one)
        type("firstDay", "2096-06-18");
        type("lastDay", "2096-06-18");
        browser.findElement(By.cssSelector("input[name=holidays][value=OTHER]")).click();
        type("reason", "Nghỉ đột xuất (hành trình kiểm thử)");
        browser.findElement(By.cssSelector("form[action='/admin/calendar/days-off'] button[type=submit]")).click();

        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).startsWith("Đã thêm đợt nghỉ");
        assertThat(browser.getPageSource()).contains("Nghỉ đột xuất (hành trình kiểm thử)", "18/06/2096");

        // Received at the counter on Friday 15/6/2096, one working day: Tuesday, not Monday.
        browser.get(url("/calendar?year=2096&receivedAt=2096-06-15T10:00&amount=1&unit=DAYS"));
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("19/06/2096");
        assertThat(browser.getPageSource()).contains("Nghỉ đột xuất (hành trình kiểm thử)");
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("page wider than a phone screen").isLessThanOrEqualTo(0L);

        browser.get(url("/admin/calendar?year=2096"));
        browser.findElement(By.cssSelector("button[aria-label='Xoá: Nghỉ đột xuất (hành trình kiểm thử)']")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
        browser.get(url("/calendar?year=2096&receivedAt=2096-06-15T10:00&amount=1&unit=DAYS"));
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("18/06/2096");
    }
}
