package vn.dvc.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dvc.IntegrationTest;
import vn.dvc.shared.VietnamTime;
import vn.dvc.statistics.ProcessingStatistics;

/**
 * A visitor finds the statistics from the footer, asks for the year 2031 at commune level and reads a
 * commune's row: three dossiers received, one resolved late, two in progress of which one overdue.
 */
@IntegrationTest
class StatisticsBrowserJourney {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessingStatistics statistics;
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

    void dossier(String agency, int n, String channel, int status, LocalDateTime received, LocalDateTime due,
            LocalDateTime finished) {
        String code = agency + String.format("-310%03d-%04d", n, n);
        jdbc.sql("""
                insert into dossier(code, procedure_version_id, procedure_code, procedure_name, agency_code,
                                    applicant_id, channel, status, form, submitted_at, received_at, due_at, finished_at)
                values (?, (select min(id) from procedure_version), 'TK-JOURNEY', 'Thủ tục thống kê (kiểm thử)', ?,
                        (select min(id) from account), ?, ?, '{}'::jsonb, ?, ?, ?, ?)""")
                .params(code, agency, channel, status, ts(received), ts(received), ts(due), ts(finished)).update();
        statistics.refresh(code);
    }

    static Timestamp ts(LocalDateTime local) {
        return local == null ? null : Timestamp.from(local.atZone(VietnamTime.ZONE).toInstant());
    }

    @Test
    void aVisitorReadsTheFiguresOfACommune() {
        String commune = jdbc.sql("select code from agency where level = 'COMMUNE' and valid_to is null order by code "
                + "limit 1").query(String.class).single();
        dossier(commune, 1, "ONLINE", 10, LocalDateTime.of(2031, 3, 2, 9, 0), LocalDateTime.of(2031, 3, 9, 17, 0),
                LocalDateTime.of(2031, 3, 12, 10, 0));
        dossier(commune, 2, "DIRECT", 4, LocalDateTime.of(2031, 11, 3, 8, 0), LocalDateTime.of(2031, 11, 20, 17, 0),
                null);
        dossier(commune, 3, "POSTAL", 4, LocalDateTime.of(2031, 12, 20, 8, 0), LocalDateTime.of(2032, 1, 9, 17, 0),
                null);

        browser.get(url("/"));
        browser.findElement(By.cssSelector("footer a[href='/statistics']")).click();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/statistics"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thống kê tiếp nhận và giải quyết hồ sơ");
        browser.get(url("/statistics?from=2031-01-01&to=2031-12-31"));
        new Select(browser.findElement(By.id("level"))).selectByValue("COMMUNE");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("level=COMMUNE"));

        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Toàn tỉnh");
        WebElement row = browser.findElement(By.xpath(
                "//table[contains(@class,'statistics-table')]//tr[th/a[@href='/agencies/" + commune + "']]"));
        var cells = row.findElements(By.tagName("td"));
        // online, offline, carried over, received, early, on time, late, resolved, in time, overdue, in progress
        assertThat(cells.subList(0, 11).stream().map(c -> c.getText().strip()).toList())
                .containsExactly("1", "2", "0", "3", "0", "0", "1", "1", "1", "1", "2");
        assertThat(row.findElements(By.cssSelector("meter.bar"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("a[href*='processing.csv']")).getAttribute("href"))
                .contains("from=2031-01-01", "to=2031-12-31", "level=COMMUNE");
    }
}
