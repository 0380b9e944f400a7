package vn.dvc.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.AgencyLevel;

/**
 * The calendar administration: only the provincial coordinator and the system administrator; what
 * they enter changes due dates at once and is audited. Years far ahead (2093–2095) keep these
 * changes away from other tests.
 */
@IntegrationTest
class CalendarAdminPagesTests {

    static final String COORDINATOR = "dieuphoi.stttt";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    Agencies agencies;

    RequestPostProcessor as(String username) {
        return DemoAccounts.as(accounts, username);
    }

    long announcements() {
        return jdbc.sql("select count(*) from calendar_announcement").query(Long.class).single();
    }

    String dueAt(String receivedAt, int days, String agency) throws Exception {
        var request = get("/api/v1/calendar/due").param("receivedAt", receivedAt)
                .param("workingDays", String.valueOf(days)).param("online", "false");
        if (agency != null) {
            request.param("agency", agency);
        }
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(body, "$.dueAt");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/admin/calendar")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        long before = announcements();
        mvc.perform(post("/admin/calendar/days-off").with(csrf()).param("firstDay", "2094-06-01")
                        .param("lastDay", "2094-06-01").param("holidays", "OTHER").param("reason", "Không được"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        assertThat(announcements()).isEqualTo(before);
    }

    @Test
    void otherRolesAreRefused() throws Exception {
        long before = announcements();
        for (String username : new String[] {"congdan", "quantri.stp", "tiepnhan.pleiku", "lanhdao.stp"}) {
            mvc.perform(get("/admin/calendar").with(as(username))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/calendar/days-off").with(as(username)).with(csrf()).param("firstDay", "2094-06-01")
                            .param("lastDay", "2094-06-01").param("holidays", "OTHER").param("reason", "Không được"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/calendar/working-days").with(as(username)).with(csrf()).param("day", "2094-06-06")
                            .param("workingReason", "Không được"))
                    .andExpect(status().isForbidden());
        }
        assertThat(announcements()).isEqualTo(before);
        mvc.perform(get("/admin").with(as("quantri.stp")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/admin/calendar"))));
    }

    @Test
    void theCoordinatorSeesTheYearAndItsAnnouncements() throws Exception {
        mvc.perform(get("/admin").with(as(COORDINATOR))).andExpect(content().string(containsString("/admin/calendar")));
        mvc.perform(get("/admin/calendar").param("year", "2025").with(as(COORDINATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tết Âm lịch Ất Tỵ")))
                .andExpect(content().string(containsString("Làm bù cho thứ Sáu 2/5/2025")))
                .andExpect(content().string(containsString("26/04/2025")));
        String html = mvc.perform(get("/admin/calendar").with(as(COORDINATOR))).andReturn().getResponse()
                .getContentAsString();
        for (String id : new String[] {"year", "firstDay", "day", "reason", "workingReason", "morningStart"}) {
            assertThat(html.split("id=\"" + id + "\"", -1)).as(id).hasSize(2);
        }
    }

    @Test
    void anAnnouncedRangeChangesTheDueDateAtOnceAndIsAudited() throws Exception {
        LocalDate monday = LocalDate.of(2093, 6, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        String friday = monday.minusDays(3) + "T10:00";
        assertThat(dueAt(friday, 1, null)).isEqualTo(monday + "T17:00:00+07:00");

        mvc.perform(post("/admin/calendar/days-off").with(as(COORDINATOR)).with(csrf())
                        .param("firstDay", monday.toString()).param("lastDay", monday.plusDays(1).toString())
                        .param("holidays", "OTHER").param("reason", "Nghỉ đặc biệt (kiểm thử)")
                        .param("source", "Thông báo kiểm thử"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/calendar?year=2093"))
                .andExpect(flash().attribute("notice", "calendar.admin.days-off.added"));
        assertThat(dueAt(friday, 1, null)).isEqualTo(monday.plusDays(2) + "T17:00:00+07:00");
        assertThat(calendar.isWorkingDay(monday)).isFalse();

        Map<String, Object> audit = jdbc.sql("""
                        select action, actor, detail, last_day from calendar_change
                        where first_day = ? and action = 'DAYS_OFF_ADDED'""")
                .param(monday).query().singleRow();
        assertThat(audit).containsEntry("actor", COORDINATOR);
        assertThat((String) audit.get("detail")).contains("Nghỉ đặc biệt (kiểm thử)", "Thông báo kiểm thử");
        mvc.perform(get("/admin/calendar").param("year", "2093").with(as(COORDINATOR)))
                .andExpect(content().string(containsString("Nghỉ đặc biệt (kiểm thử)")));

        long id = jdbc.sql("select id from calendar_announcement where first_day = ? and kind = 'DAYS_OFF'")
                .param(monday).query(Long.class).single();
        mvc.perform(post("/admin/calendar/announcements/" + id + "/remove").with(as(COORDINATOR)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/calendar?year=2093"));
        assertThat(dueAt(friday, 1, null)).isEqualTo(monday + "T17:00:00+07:00");
        assertThat(jdbc.sql("select actor from calendar_change where first_day = ? and action = 'DAYS_OFF_REMOVED'")
                .param(monday).query(String.class).single()).isEqualTo(COORDINATOR);
        mvc.perform(post("/admin/calendar/announcements/" + id + "/remove").with(as(COORDINATOR)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedNextToTheFieldsAndKeepsWhatWasTyped() throws Exception {
        long before = announcements();
        mvc.perform(post("/admin/calendar/days-off").with(as(COORDINATOR)).with(csrf()).param("year", "2094")
                        .param("firstDay", "2094-06-10").param("lastDay", "2094-06-08")
                        .param("reason", "   ").param("source", "Công văn số 99 (giữ nguyên)"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ngày kết thúc không được trước ngày bắt đầu.")))
                .andExpect(content().string(containsString("Chọn ít nhất một ngày lễ")))
                .andExpect(content().string(containsString("Trường này là bắt buộc.")))
                .andExpect(content().string(containsString("value=\"Công văn số 99 (giữ nguyên)\"")))
                .andExpect(content().string(containsString("value=\"2094-06-10\"")));
        // a Tết range in June: the wrong year or the wrong holiday
        mvc.perform(post("/admin/calendar/days-off").with(as(COORDINATOR)).with(csrf())
                        .param("firstDay", "10/06/2094").param("lastDay", "12/06/2094")
                        .param("holidays", "LUNAR_NEW_YEAR").param("reason", "Tết"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Đợt nghỉ không ở gần Tết Âm lịch")));
        mvc.perform(post("/admin/calendar/days-off").with(as(COORDINATOR)).with(csrf())
                        .param("firstDay", "2094-06-01").param("lastDay", "2094-07-01")
                        .param("holidays", "OTHER").param("reason", "Quá dài"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("không được dài quá 15 ngày")));
        mvc.perform(post("/admin/calendar/days-off").with(as(COORDINATOR)).with(csrf())
                        .param("firstDay", "2194-06-01").param("lastDay", "2194-06-01")
                        .param("holidays", "OTHER").param("reason", "Quá xa"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Năm phải từ 2013 đến 2100.")));
        assertThat(announcements()).isEqualTo(before);
    }

    @Test
    void aSwappedSaturdayBecomesAWorkingDay() throws Exception {
        LocalDate saturday = LocalDate.of(2095, 3, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        mvc.perform(post("/admin/calendar/working-days").with(as(COORDINATOR)).with(csrf())
                        .param("day", saturday.minusDays(1).toString()).param("workingReason", "Thứ Sáu"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("vốn là ngày làm việc")))
                .andExpect(content().string(containsString("value=\"Thứ Sáu\"")));
        assertThat(calendar.isWorkingDay(saturday)).isFalse();

        mvc.perform(post("/admin/calendar/working-days").with(as("admin")).with(csrf())
                        .param("day", saturday.toString()).param("workingReason", "Làm bù (kiểm thử)"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/calendar?year=2095"));
        assertThat(calendar.isWorkingDay(saturday)).isTrue();
        assertThat(dueAt(saturday.minusDays(1) + "T10:00", 1, null)).isEqualTo(saturday + "T17:00:00+07:00");

        mvc.perform(post("/admin/calendar/working-days").with(as("admin")).with(csrf())
                        .param("day", saturday.toString()).param("workingReason", "Lần nữa"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("đã được nhập")));
        // a range of days off over a worked Saturday contradicts it
        mvc.perform(post("/admin/calendar/days-off").with(as("admin")).with(csrf())
                        .param("firstDay", saturday.toString()).param("lastDay", saturday.plusDays(2).toString())
                        .param("holidays", "OTHER").param("reason", "Mâu thuẫn"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("chứa ngày làm bù")));

        long id = jdbc.sql("select id from calendar_announcement where first_day = ? and kind = 'WORKING_DAY'")
                .param(saturday).query(Long.class).single();
        mvc.perform(post("/admin/calendar/announcements/" + id + "/remove").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(saturday)).isFalse();
        assertThat(jdbc.sql("select count(*) from calendar_change where first_day = ? and actor = 'admin'")
                .param(saturday).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anAgencyMayHaveItsOwnWorkingHours() throws Exception {
        var communes = agencies.active(AgencyLevel.COMMUNE);
        String commune = communes.get(communes.size() - 1).code();
        String received = "2027-03-04T10:00"; // Thursday
        assertThat(dueAt(received, 1, commune)).isEqualTo("2027-03-05T17:00:00+07:00");
        try {
            mvc.perform(post("/admin/calendar/hours").with(as("admin")).with(csrf()).param("agencyCode", commune)
                            .param("morningStart", "07:30").param("morningEnd", "11:30")
                            .param("afternoonStart", "13:00").param("afternoonEnd", "16:30"))
                    .andExpect(status().is3xxRedirection());
            assertThat(dueAt(received, 1, commune)).isEqualTo("2027-03-05T16:30:00+07:00");
            assertThat(dueAt(received, 1, null)).isEqualTo("2027-03-05T17:00:00+07:00");
            mvc.perform(get("/api/v1/calendar/due").param("receivedAt", "2027-03-04T07:10").param("workingHours", "1")
                            .param("agency", commune))
                    .andExpect(jsonPath("$.effectiveReceivedAt").value("2027-03-04T07:30:00+07:00"))
                    .andExpect(jsonPath("$.dueAt").value("2027-03-04T08:30:00+07:00"));
            mvc.perform(post("/admin/calendar/hours").with(as("admin")).with(csrf()).param("agencyCode", commune)
                            .param("morningStart", "11:30").param("morningEnd", "07:30")
                            .param("afternoonStart", "13:00").param("afternoonEnd", "25:00"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Giờ không hợp lệ")));
            assertThat(dueAt(received, 1, commune)).isEqualTo("2027-03-05T16:30:00+07:00");
        } finally {
            mvc.perform(post("/admin/calendar/hours/" + commune + "/remove").with(as("admin")).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(dueAt(received, 1, commune)).isEqualTo("2027-03-05T17:00:00+07:00");
        assertThat(jdbc.sql("select count(*) from calendar_change where agency_code = ? and actor = 'admin'")
                .param(commune).query(Long.class).single()).isEqualTo(2);
    }
}
