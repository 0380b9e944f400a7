package vn.dvc.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.IntegrationTest;

/** The public calendar API of CONTRACT.md, anonymous. */
@IntegrationTest
class CalendarApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void answersTheContractExampleWithVietnamOffsets() throws Exception {
        mvc.perform(get("/api/v1/calendar/due").param("receivedAt", "2021-02-05T16:30").param("workingDays", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.effectiveReceivedAt").value("2021-02-05T16:30:00+07:00"))
                .andExpect(jsonPath("$.dueAt").value("2021-02-19T17:00:00+07:00"));
    }

    @Test
    void countsWorkingHoursAndAcceptsATimeWithAnOffset() throws Exception {
        // 09:30 UTC on Friday is 16:30 in Vietnam
        mvc.perform(get("/api/v1/calendar/due").param("receivedAt", "2021-02-05T09:30:00Z").param("workingHours", "4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.effectiveReceivedAt").value("2021-02-05T16:30:00+07:00"))
                .andExpect(jsonPath("$.dueAt").value("2021-02-08T10:30:00+07:00"));
        // an unencoded '+' arrives as a space
        mvc.perform(get("/api/v1/calendar/due?receivedAt=2021-02-05T16:30:00+07:00&workingDays=5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueAt").value("2021-02-19T17:00:00+07:00"));
    }

    @Test
    void aPeriodRunningPastTheLastYearIsAConflictWithAClearMessage() throws Exception {
        mvc.perform(get("/api/v1/calendar/due").param("receivedAt", "2100-12-28T08:00").param("workingDays", "10"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(
                        "Không tính được thời hạn: lịch ngày làm việc chỉ có các năm 2013–2100, thời hạn này cần đến năm 2101."));
    }

    @Test
    void onlineIsTheDefaultAndTheCounterIsAsked() throws Exception {
        mvc.perform(get("/api/v1/calendar/due").param("receivedAt", "2021-01-09T10:00").param("workingDays", "3"))
                .andExpect(jsonPath("$.effectiveReceivedAt").value("2021-01-11T07:00:00+07:00"))
                .andExpect(jsonPath("$.dueAt").value("2021-01-14T17:00:00+07:00"));
        mvc.perform(get("/api/v1/calendar/due").param("receivedAt", "2021-01-09T10:00").param("workingDays", "3")
                        .param("online", "false"))
                .andExpect(jsonPath("$.effectiveReceivedAt").value("2021-01-09T10:00:00+07:00"))
                .andExpect(jsonPath("$.dueAt").value("2021-01-13T17:00:00+07:00"));
    }

    @Test
    void listsTheDaysOffOfAYearWithVietnameseReasons() throws Exception {
        mvc.perform(get("/api/v1/calendar/days-off").param("year", "2027"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].date").value("2027-01-01"))
                .andExpect(jsonPath("$[0].reason").value("Tết Dương lịch"))
                .andExpect(jsonPath("$[?(@.date == '2027-02-06')].reason").value("Tết Âm lịch"))
                .andExpect(jsonPath("$[?(@.date == '2027-02-10')].reason").value("Nghỉ bù Tết Âm lịch"))
                .andExpect(jsonPath("$[?(@.date == '2027-02-10')].compensation").value(true))
                .andExpect(jsonPath("$[?(@.date == '2027-05-03')].reason").value("Nghỉ bù Ngày Quốc tế Lao động"))
                .andExpect(jsonPath("$[*].date", hasItem("2027-09-03")))
                .andExpect(jsonPath("$.length()").value(14));
        mvc.perform(get("/api/v1/calendar/days-off").param("year", "2024"))
                .andExpect(jsonPath("$[*].date", hasItem("2024-04-29")))
                .andExpect(jsonPath("$[*].date", not(hasItem("2024-05-04"))))
                .andExpect(jsonPath("$[?(@.date == '2024-02-10')].announced").value(true));
    }

    @Test
    void refusesBadInputWithAVietnameseProblem() throws Exception {
        mvc.perform(get("/api/v1/calendar/due").param("receivedAt", "2021-02-30T16:30").param("workingDays", "5"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("receivedAt"))
                .andExpect(jsonPath("$.errors[0].message", containsString("Thời điểm tiếp nhận không hợp lệ")));
        mvc.perform(get("/api/v1/calendar/due").param("receivedAt", "2021-02-05T16:30").param("workingDays", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("workingDays"))
                .andExpect(jsonPath("$.errors[0].message").value("Thời hạn không được là số âm."));
        mvc.perform(get("/api/v1/calendar/due").param("receivedAt", "2021-02-05T16:30").param("workingDays", "5")
                        .param("workingHours", "4"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("workingDays"));
        mvc.perform(get("/api/v1/calendar/due").param("receivedAt", "2021-02-05T16:30").param("workingDays", "năm"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Tham số \"workingDays\" không hợp lệ."));
        mvc.perform(get("/api/v1/calendar/due").param("receivedAt", "2021-02-05T16:30").param("workingDays", "5")
                        .param("agency", "999.99.99.H21"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("agency"));
        mvc.perform(get("/api/v1/calendar/days-off").param("year", "1900"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Năm phải từ 2013 đến 2100."));
        mvc.perform(get("/api/v1/calendar/days-off").param("year", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"));
    }

    @Test
    void answersInEnglishWhenAsked() throws Exception {
        mvc.perform(get("/api/v1/calendar/days-off").param("year", "3000").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The year must be between 2013 and 2100."));
    }
}
