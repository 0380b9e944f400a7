package vn.dvc.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dvc.IntegrationTest;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.DossierSubmission.Submission;

/**
 * A citizen on a phone, with JavaScript switched off, withdraws a dossier: the button leads to a page that
 * says what withdrawing means; going back changes nothing; confirming withdraws it with the reason given.
 */
@IntegrationTest
class WithdrawalBrowserJourney extends PhoneJourney {

    @Autowired DossierSubmission submission;
    @Autowired JdbcClient jdbc;

    @Test
    void citizenConfirmsBeforeTheDossierIsWithdrawn() {
        browser.quit();
        browser = Browser.phone(false);
        long congdan = jdbc.sql("select id from account where username = 'congdan'").query(Long.class).single();
        String code = submission.submit(new Submission(congdan, "congdan", MyDossiersPhoneJourney.PROCEDURE,
                "000.00.03.H21", 0, MyDossiersPhoneJourney.FORM, List.of(), null, UUID.randomUUID().toString()))
                .dossier().code();

        signIn("congdan");
        browser.get(url("/dossiers/" + code));
        Accessibility.check(browser, "a dossier's page without JavaScript");

        // First click: only the explanation, nothing withdrawn; "do not withdraw" goes back.
        browser.findElement(By.id("withdraw")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("withdraw-consequences")));
        assertThat(browser.findElement(By.id("withdraw-consequences")).getText())
                .contains("không thể hoàn tác", "Mã hồ sơ " + code + " vẫn được giữ");
        assertNoHorizontalScroll();
        Accessibility.check(browser, "the withdrawal confirmation without JavaScript");
        browser.findElement(By.id("cancel-withdraw")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-status")));
        assertThat(browser.findElement(By.id("dossier-status")).getText()).isEqualTo("Mới đăng ký");

        // Second time: a reason, then the confirmation.
        browser.findElement(By.id("withdraw")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("withdraw-reason")));
        type("withdraw-reason", "Đã nộp nhầm cơ quan");
        browser.findElement(By.id("confirm-withdraw")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-status")));
        assertThat(browser.findElement(By.id("dossier-status")).getText()).isEqualTo("Công dân rút hồ sơ");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Đã nộp nhầm cơ quan");
        Accessibility.check(browser, "a withdrawn dossier's timeline without JavaScript");
        assertThat(browser.findElements(By.id("withdraw"))).isEmpty();
    }
}
