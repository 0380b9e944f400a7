package vn.dvc.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.Channel;
import vn.dvc.catalogue.ChannelTerms;
import vn.dvc.catalogue.Implementation;
import vn.dvc.catalogue.OnlineMode;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.catalogue.ProcedureContent;
import vn.dvc.catalogue.ProcedureQuery;
import vn.dvc.catalogue.Procedures;
import vn.dvc.catalogue.ServiceLevel;
import vn.dvc.catalogue.TimeUnit;
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.planning.Planning;

/**
 * The Department of Justice's administrator registers two procedures for next year's plan; the
 * provincial coordinator rejects the one a central ministry already provides, approves the other and
 * publishes; once that service is live, the public tracking shows the department's new coverage.
 */
@IntegrationTest
class PlanningBrowserJourney extends PhoneJourney {

    static final String JUSTICE = "000.00.03.H21";
    static final int YEAR = 2059;

    @Autowired
    Planning planning;
    @Autowired
    ProcedureCatalogue catalogue;
    @Autowired
    Procedures procedures;

    @Test
    void registeredRejectedApprovedPublishedAndTrackedUntilTheServiceIsLive() {
        planning.open(YEAR, planning.today().plusDays(30), "dieuphoi.stttt");
        String local = add("1.960001", 3, false);
        String central = add("1.960002", 2, true);

        signIn("quantri.stp");
        register(local, "UPGRADE", "250.000.000");
        register(central, "NEW_BUILD", "90000000");
        assertThat(browser.findElements(By.cssSelector("#own-entries tr.entry"))).hasSize(2);
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='/login']")));

        signIn("dieuphoi.stttt");
        browser.get(url("/admin/plans/" + YEAR + "/consolidation"));
        browser.findElement(By.id("consolidate")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.id("plan-status"), "Đã tổng hợp"));
        assertThat(browser.findElement(By.id("entry-" + central)).getText())
                .contains("Đề xuất từ chối: Trung ương đã cung cấp theo ngành dọc");
        browser.findElement(By.id("entry-" + central)).findElement(By.cssSelector("button.reject")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#entry-" + central.replace(".", "\\.") + " .entry-status"), "Bị từ chối"));
        browser.findElement(By.id("approve")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.id("plan-status"), "Đã phê duyệt"));
        browser.findElement(By.id("publish")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.id("plan-status"), "Đã công bố"));

        browser.get(url("/plans/" + YEAR));
        assertThat(browser.findElement(By.id("agency-" + JUSTICE)).getText()).contains(local).doesNotContain(central);
        String before = browser.findElement(By.id("tracking-" + JUSTICE)).findElement(By.className("coverage")).getText();
        assertThat(before).isEqualTo(coverageOfJustice());

        // The department brings the approved service to level 4: the public tracking follows.
        catalogue.revise(local, 1, content(local, 4, false), "Lên mức độ 4", AgencyScope.of(JUSTICE), "quantri.stp");
        browser.navigate().refresh();
        String after = browser.findElement(By.id("tracking-" + JUSTICE)).findElement(By.className("coverage")).getText();
        assertThat(after).isEqualTo(coverageOfJustice()).isNotEqualTo(before);
        assertThat(browser.findElement(By.id("tracking-" + JUSTICE)).findElement(By.className("live")).getText())
                .isEqualTo("1");
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("page wider than a phone screen").isLessThanOrEqualTo(0L);
    }

    void register(String code, String kind, String budget) {
        browser.get(url("/admin/plans/" + YEAR + "/registration?q=" + code));
        new Select(browser.findElement(By.id("procedureCode"))).selectByValue(code);
        new Select(browser.findElement(By.id("kind"))).selectByValue(kind);
        browser.findElement(By.id("estimatedBudgetVnd")).sendKeys(budget);
        browser.findElement(By.id("owner")).sendKeys("Phòng Hành chính tư pháp");
        browser.findElement(By.id("register")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.id("registered"),
                "Đã đăng ký thủ tục " + code + "."));
    }

    /** What the tracking should say for the department, from the catalogue itself, as the page writes it. */
    String coverageOfJustice() {
        long all = procedures.search(new ProcedureQuery(null, JUSTICE, null, null, null, null, 0, 1)).total();
        long level4 = procedures.search(new ProcedureQuery(null, JUSTICE, null, null, 4, null, 0, 1)).total();
        return BigDecimal.valueOf(level4 * 100).divide(BigDecimal.valueOf(all), 2, RoundingMode.HALF_UP)
                .toPlainString().replace('.', ',') + "%";
    }

    String add(String code, int level, boolean central) {
        catalogue.add(content(code, level, central), AgencyScope.PROVINCE, "test");
        return code;
    }

    static ProcedureContent content(String code, int level, boolean central) {
        List<ChannelTerms> channels = new ArrayList<>();
        channels.add(new ChannelTerms(Channel.DIRECT, BigDecimal.valueOf(3), TimeUnit.WORKING_DAYS, List.of(), null));
        if (level >= 3) {
            channels.add(new ChannelTerms(Channel.ONLINE, BigDecimal.valueOf(3), TimeUnit.WORKING_DAYS, List.of(), null));
        }
        OnlineMode mode = level <= 2 ? OnlineMode.NONE : level == 3 ? OnlineMode.PARTIAL : OnlineMode.FULL;
        return new ProcedureContent(code, "Thủ tục hành trình kế hoạch " + code, "Thử nghiệm", JUSTICE,
                List.of(new Implementation(AgencyLevel.PROVINCIAL, JUSTICE)), ServiceLevel.of(level), mode, central,
                channels, List.of(), null, null, null, null, null, null, "Dữ liệu kiểm thử");
    }
}
