package vn.dvc.catalogue;

import java.util.List;
import java.util.Map;

/**
 * Details of a few of the most common procedures, written from the laws they rest on (Law on Civil
 * Status 2014, Decree 123/2015/NĐ-CP, Circular 04/2020/TT-BTP), so that the demo shows a complete
 * procedure page. Other procedures link to the national database for these details.
 */
final class WellKnownProcedures {

    static final String BIRTH_REGISTRATION = "1.001193";
    static final String MARRIAGE_REGISTRATION = "1.000894";

    /** Procedures that get a downloadable (illustrative) form, with the form's title. */
    static final Map<String, String> TEMPLATES = Map.of(
            BIRTH_REGISTRATION, "Tờ khai đăng ký khai sinh",
            MARRIAGE_REGISTRATION, "Tờ khai đăng ký kết hôn");

    private WellKnownProcedures() {
    }

    static ProcedureContent enrich(ProcedureContent content) {
        return switch (content.code()) {
            case BIRTH_REGISTRATION -> with(content,
                    List.of(new ComponentCase(null, List.of(
                            new DossierComponent("Tờ khai đăng ký khai sinh (theo mẫu)", 1, 0, true, null),
                            new DossierComponent("Giấy chứng sinh; nếu không có: văn bản của người làm chứng xác nhận "
                                    + "việc sinh, hoặc giấy cam đoan về việc sinh", 1, 0, true, null),
                            new DossierComponent("Biên bản xác nhận việc trẻ bị bỏ rơi (trường hợp trẻ bị bỏ rơi)", 1, 0,
                                    false, null),
                            new DossierComponent("Văn bản ủy quyền có chứng thực (khi ủy quyền đăng ký thay)", 1, 0,
                                    false, null)))),
                    "Bước 1: Người yêu cầu nộp hồ sơ tại Bộ phận một cửa của UBND cấp xã hoặc nộp trực tuyến.\n"
                            + "Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ; nếu đầy đủ, hợp lệ thì ghi vào Sổ "
                            + "đăng ký khai sinh.\nBước 3: Chủ tịch UBND cấp xã ký Giấy khai sinh cấp cho người được "
                            + "đăng ký khai sinh.",
                    "Cha, mẹ, ông, bà, người thân thích khác hoặc cá nhân, tổ chức đang nuôi dưỡng trẻ em.",
                    "Giấy khai sinh (bản chính).",
                    "Luật Hộ tịch năm 2014; Nghị định số 123/2015/NĐ-CP; Thông tư số 04/2020/TT-BTP.",
                    "Trong thời hạn 60 ngày kể từ ngày sinh, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con.");
            case MARRIAGE_REGISTRATION -> with(content,
                    List.of(new ComponentCase(null, List.of(
                            new DossierComponent("Tờ khai đăng ký kết hôn (theo mẫu)", 1, 0, true, null),
                            new DossierComponent("Giấy xác nhận tình trạng hôn nhân (trường hợp đăng ký kết hôn tại nơi "
                                    + "không phải nơi thường trú)", 1, 0, false, null)))),
                    "Bước 1: Hai bên nam, nữ nộp tờ khai tại UBND cấp xã nơi cư trú của một trong hai bên.\n"
                            + "Bước 2: Công chức tư pháp - hộ tịch kiểm tra; nếu đủ điều kiện thì ghi vào Sổ hộ tịch.\n"
                            + "Bước 3: Hai bên cùng ký vào Sổ hộ tịch và Giấy chứng nhận kết hôn; Chủ tịch UBND cấp xã "
                            + "trao Giấy chứng nhận kết hôn.",
                    "Công dân Việt Nam (nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi).",
                    "Giấy chứng nhận kết hôn (bản chính, mỗi bên một bản).",
                    "Luật Hôn nhân và gia đình năm 2014; Luật Hộ tịch năm 2014; Nghị định số 123/2015/NĐ-CP; "
                            + "Thông tư số 04/2020/TT-BTP.",
                    "Việc kết hôn do nam và nữ tự nguyện quyết định; không thuộc các trường hợp cấm kết hôn theo "
                            + "Luật Hôn nhân và gia đình.");
            default -> content;
        };
    }

    /**
     * Birth and marriage registration are offered fully online nationwide (essential online public
     * services, Decision 06/QĐ-TTg of 2022), so the demo gives them level 4 and an online channel with
     * the terms of the counter, whatever the demo spread would have given.
     */
    private static ProcedureContent with(ProcedureContent c, List<ComponentCase> components, String steps,
            String applicants, String results, String legalBasis, String conditions) {
        List<ChannelTerms> channels = new java.util.ArrayList<>(c.channels());
        if (channels.stream().noneMatch(t -> t.channel() == Channel.ONLINE)) {
            channels.stream().filter(t -> t.channel() == Channel.DIRECT).findFirst().ifPresent(direct -> channels.add(
                    1, new ChannelTerms(Channel.ONLINE, direct.processingTime(), direct.timeUnit(), direct.fees(), null)));
        }
        return new ProcedureContent(c.code(), c.name(), c.field(), c.leadAgencyCode(), c.implementations(),
                ServiceLevel.LEVEL_4, OnlineMode.FULL, c.centrallyProvided(), channels, components, steps, applicants,
                results, legalBasis, conditions, c.sourceUrl(), c.demoNote());
    }
}
