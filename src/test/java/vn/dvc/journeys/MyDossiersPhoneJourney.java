package vn.dvc.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dvc.IntegrationTest;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.DossierSubmission.Submission;

/** The citizen's "my dossiers" list read on a phone: every column of every dossier within the screen. */
@IntegrationTest
class MyDossiersPhoneJourney extends PhoneJourney {

    /** Certificate of Vietnamese origin: Department of Justice, level 4, no components. */
    static final String PROCEDURE = "2.001895";
    static final String FORM = "{\"requestSummary\":\"Xin xác nhận là người gốc Việt Nam\","
            + "\"contactName\":\"Nguyễn Văn An\",\"citizenId\":\"064085000001\",\"phone\":\"0912000001\","
            + "\"address\":\"Số 1 Hùng Vương, Pleiku\"}";

    @Autowired DossierSubmission submission;
    @Autowired JdbcClient jdbc;

    @Test
    void theListOfMyDossiersFitsAPhoneScreenWithEveryColumnReadable() {
        long congdan = jdbc.sql("select id from account where username = 'congdan'").query(Long.class).single();
        String code = submission.submit(new Submission(congdan, "congdan", PROCEDURE, "000.00.03.H21", 0, FORM,
                List.of(), null, null)).dossier().code();

        signIn("congdan");
        browser.get(url("/dossiers"));

        WebElement table = browser.findElement(By.id("my-dossiers"));
        Long width = (Long) browser.executeScript("return document.documentElement.clientWidth;");
        Number right = (Number) browser.executeScript("return arguments[0].getBoundingClientRect().right;", table);
        assertThat(right.doubleValue()).as("right edge of the table on a %d px screen", width)
                .isLessThanOrEqualTo(width.doubleValue());
        assertNoHorizontalScroll();
        // each cell says which column it is, since the header row is not beside it any more
        WebElement row = browser.findElement(By.xpath("//table[@id='my-dossiers']//tr[td/a[text()='" + code + "']]"));
        Object label = browser.executeScript(
                "return getComputedStyle(arguments[0].querySelector('td:nth-child(4)'), '::before').content;", row);
        assertThat(label.toString()).contains("Ngày nộp");
        Accessibility.check(browser, "Hồ sơ của tôi with a submitted dossier");
    }
}
