package vn.dvc.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.IntegrationTest;

/** The public calendar page, anonymous. */
@IntegrationTest
class CalendarPagesTests {

    @Autowired
    MockMvc mvc;

    @Test
    void showsTheDaysOffOfAYear() throws Exception {
        mvc.perform(get("/calendar").param("year", "2027"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lịch nghỉ lễ năm 2027")))
                .andExpect(content().string(containsString("06/02/2027")))
                .andExpect(content().string(containsString("Nghỉ bù Tết Âm lịch")))
                .andExpect(content().string(containsString("07:00–11:30")));
        mvc.perform(get("/calendar").param("year", "2027").param("lang", "en"))
                .andExpect(content().string(containsString("Public holidays of 2027")));
    }

    @Test
    void everyFieldAppearsOnce() throws Exception {
        String html = mvc.perform(get("/calendar").param("year", "2027")).andReturn().getResponse()
                .getContentAsString();
        assertThat(html.split("id=\"year\"", -1)).hasSize(2);
        assertThat(html.split("id=\"receivedAt\"", -1)).hasSize(2);
    }

    @Test
    void computesAnAppointment() throws Exception {
        mvc.perform(get("/calendar").param("receivedAt", "2021-02-05T16:30").param("amount", "5")
                        .param("unit", "DAYS").param("online", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("17:00, Thứ Sáu 19/02/2021")));
        mvc.perform(get("/calendar").param("receivedAt", "hôm qua").param("amount", "-2").param("unit", "DAYS"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Thời điểm tiếp nhận không hợp lệ")))
                .andExpect(content().string(containsString("value=\"hôm qua\"")));
    }

    @Test
    void aYearOutOfRangeIsExplained() throws Exception {
        mvc.perform(get("/calendar").param("year", "1990"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Năm phải từ 2013 đến 2100.")));
    }

    @Test
    void anAppointmentPastTheLastYearIsExplainedNotAServerError() throws Exception {
        mvc.perform(get("/calendar").param("receivedAt", "2100-12-28T08:00").param("amount", "10")
                        .param("unit", "DAYS").param("online", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("lịch ngày làm việc chỉ có các năm 2013–2100")));
    }
}
