package vn.dvc.form;

import static vn.dvc.form.FieldType.CHECKBOX;
import static vn.dvc.form.FieldType.CITIZEN_ID;
import static vn.dvc.form.FieldType.DATE;
import static vn.dvc.form.FieldType.EMAIL;
import static vn.dvc.form.FieldType.GROUP;
import static vn.dvc.form.FieldType.INTEGER;
import static vn.dvc.form.FieldType.PERSON_NAME;
import static vn.dvc.form.FieldType.PHONE;
import static vn.dvc.form.FieldType.RADIO;
import static vn.dvc.form.FieldType.SELECT;
import static vn.dvc.form.FieldType.TEXT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The forms of the demo's two civil-status procedures, written after the declaration forms of
 * Circular 04/2020/TT-BTP (birth and marriage registration), as an agency administrator would enter
 * them in the editor. Their transcription is the demo's; the content follows the official forms.
 */
final class DemoForms {

    static final String BIRTH_REGISTRATION = "1.001193";
    static final String MARRIAGE_REGISTRATION = "1.000894";

    /**
     * The least age of a parent or of the declarant on the day of submission: the age from which every
     * citizen holds an identity card (Law on Identification 2023, art. 19), as the declarant must give
     * its number; also the least age of a self-registered applicant ({@code app.applicant.minimum-age}).
     * An agency changes it per field in the editor (ADR 0025).
     */
    static final int ADULT_ROLE_AGE = 14;
    /** Law on Marriage and Family 2014, art. 8(1)(a): a woman from 18, a man from 20. */
    static final int BRIDE_AGE = 18;
    static final int GROOM_AGE = 20;

    /** The 54 ethnic groups of Viet Nam, in the order of the General Statistics Office's list. */
    static final List<String> ETHNIC_GROUPS = List.of("Kinh", "Tày", "Thái", "Hoa", "Khơ-me", "Mường", "Nùng",
            "Hmông", "Dao", "Gia-rai", "Ngái", "Ê-đê", "Ba-na", "Xơ-đăng", "Sán Chay", "Cơ-ho", "Chăm", "Sán Dìu",
            "Hrê", "Mnông", "Ra-glai", "Xtiêng", "Bru-Vân Kiều", "Thổ", "Giáy", "Cơ-tu", "Gié-Triêng", "Mạ",
            "Khơ-mú", "Co", "Tà-ôi", "Chơ-ro", "Kháng", "Xinh-mun", "Hà Nhì", "Chu-ru", "Lào", "La Chí", "La Ha",
            "Phù Lá", "La Hủ", "Lự", "Lô Lô", "Chứt", "Mảng", "Pà Thẻn", "Cơ Lao", "Cống", "Bố Y", "Si La",
            "Pu Péo", "Brâu", "Ơ Đu", "Rơ-măm");

    private DemoForms() {
    }

    /** Tờ khai đăng ký khai sinh: the child, the parents, and the declarant (the applicant). */
    static FormDefinition birthRegistration() {
        return FormDefinition.of(
                FormField.builder("child", GROUP, "Người được đăng ký khai sinh").labelEn("The child").required()
                        .items(1, 1).fields(
                                FormField.builder("fullName", PERSON_NAME, "Họ, chữ đệm và tên").labelEn("Full name")
                                        .required().build(),
                                FormField.builder("dateOfBirth", DATE, "Ngày, tháng, năm sinh")
                                        .labelEn("Date of birth").required().build(),
                                FormField.builder("sex", RADIO, "Giới tính").labelEn("Sex").required()
                                        .option("nam", "Nam", "Male").option("nu", "Nữ", "Female").build(),
                                FormField.builder("placeOfBirth", TEXT, "Nơi sinh").labelEn("Place of birth")
                                        .required().length(null, 300)
                                        .help("Tên cơ sở y tế nơi trẻ được sinh ra; nếu sinh ngoài cơ sở y tế, ghi địa "
                                                + "chỉ nơi sinh (xã, huyện, tỉnh).")
                                        .build(),
                                ethnicity(true),
                                nationality(true),
                                nationalityOther(),
                                FormField.builder("hometown", TEXT, "Quê quán").labelEn("Home town").length(null, 300)
                                        .build())
                        .build(),
                parent("father", "Thông tin người cha", "The father"),
                parent("mother", "Thông tin người mẹ", "The mother"),
                FormField.builder("declarant", GROUP, "Người đi đăng ký khai sinh").labelEn("The declarant").required()
                        .items(1, 1).fields(
                                FormField.builder("fullName", PERSON_NAME, "Họ, chữ đệm và tên").labelEn("Full name")
                                        .required().prefill(PrefillKeys.FULL_NAME).build(),
                                FormField.builder("citizenId", CITIZEN_ID, "Số định danh cá nhân (số CCCD)")
                                        .labelEn("Personal identification number").required()
                                        .prefill(PrefillKeys.CITIZEN_ID).build(),
                                FormField.builder("dateOfBirth", DATE, "Ngày, tháng, năm sinh").labelEn("Date of birth")
                                        .prefill(PrefillKeys.DATE_OF_BIRTH).minAge(ADULT_ROLE_AGE).build(),
                                FormField.builder("relationship", SELECT, "Quan hệ với người được khai sinh")
                                        .labelEn("Relationship to the child").required()
                                        .option("cha", "Cha", "Father").option("me", "Mẹ", "Mother")
                                        .option("ong-ba", "Ông, bà", "Grandparent")
                                        .option("than-thich", "Người thân thích khác", "Other relative")
                                        .option("nuoi-duong", "Cá nhân, tổ chức đang nuôi dưỡng trẻ",
                                                "Person or organisation caring for the child")
                                        .build(),
                                FormField.builder("residence", TEXT, "Nơi cư trú").labelEn("Residence").required()
                                        .length(null, 300).prefill(PrefillKeys.ADDRESS).build(),
                                FormField.builder("phone", PHONE, "Số điện thoại").labelEn("Phone number").required()
                                        .prefill(PrefillKeys.PHONE).build())
                        .build(),
                FormField.builder("copies", INTEGER, "Số bản sao Giấy khai sinh đề nghị cấp")
                        .labelEn("Certified copies of the birth certificate requested")
                        .range(BigDecimal.ZERO, BigDecimal.valueOf(20)).help("Để trống nếu không cần bản sao.").build(),
                FormField.builder("commitment", CHECKBOX, "Tôi cam đoan nội dung khai trên đây là đúng sự thật và "
                        + "chịu trách nhiệm trước pháp luật về cam đoan của mình.")
                        .labelEn("I declare that the above is true and accept legal responsibility for it.")
                        .required().build());
    }

    private static FormField parent(String name, String label, String labelEn) {
        return FormField.builder(name, GROUP, label).labelEn(labelEn).items(0, 1)
                .help("Bỏ trống nếu chưa xác định được.").fields(
                        FormField.builder("fullName", PERSON_NAME, "Họ, chữ đệm và tên").labelEn("Full name")
                                .required().build(),
                        FormField.builder("dateOfBirth", DATE, "Ngày, tháng, năm sinh").labelEn("Date of birth")
                                .minAge(ADULT_ROLE_AGE).build(),
                        FormField.builder("citizenId", CITIZEN_ID, "Số định danh cá nhân (số CCCD)")
                                .labelEn("Personal identification number")
                                .help("Không bắt buộc với người nước ngoài.").build(),
                        ethnicity(false),
                        nationality(false),
                        nationalityOther(),
                        FormField.builder("residence", TEXT, "Nơi cư trú").labelEn("Residence").length(null, 300)
                                .build())
                .build();
    }

    /** Tờ khai đăng ký kết hôn: both parties, each with the marriages that ended before. */
    static FormDefinition marriageRegistration() {
        return FormDefinition.of(
                party("bride", "Thông tin bên nữ", "The bride"),
                party("groom", "Thông tin bên nam", "The groom"),
                FormField.builder("phone", PHONE, "Số điện thoại liên hệ").labelEn("Contact phone number").required()
                        .prefill(PrefillKeys.PHONE).build(),
                FormField.builder("email", EMAIL, "Thư điện tử").labelEn("Email").prefill(PrefillKeys.EMAIL).build(),
                FormField.builder("commitment", CHECKBOX, "Chúng tôi cam đoan việc kết hôn là tự nguyện, đủ điều kiện "
                        + "kết hôn theo Luật Hôn nhân và gia đình, và những lời khai trên là đúng sự thật.")
                        .labelEn("We declare that we marry of our own free will, meet the conditions of the Law on "
                                + "Marriage and Family, and that the above is true.")
                        .required().build());
    }

    private static FormField party(String name, String label, String labelEn) {
        List<FormField> fields = new ArrayList<>(List.of(
                FormField.builder("fullName", PERSON_NAME, "Họ, chữ đệm và tên").labelEn("Full name").required()
                        .build(),
                FormField.builder("dateOfBirth", DATE, "Ngày, tháng, năm sinh").labelEn("Date of birth").required()
                        .help(name.equals("bride") ? "Nữ từ đủ 18 tuổi trở lên." : "Nam từ đủ 20 tuổi trở lên.")
                        .minAge(name.equals("bride") ? BRIDE_AGE : GROOM_AGE).build(),
                ethnicity(true),
                nationality(true),
                nationalityOther(),
                FormField.builder("residence", TEXT, "Nơi cư trú").labelEn("Residence").required().length(null, 300)
                        .build(),
                FormField.builder("citizenId", CITIZEN_ID, "Số định danh cá nhân (số CCCD)")
                        .labelEn("Personal identification number").required().build(),
                FormField.builder("marriedBefore", RADIO, "Tình trạng hôn nhân trước đây")
                        .labelEn("Earlier marriages").required()
                        .option("chua", "Chưa kết hôn lần nào", "Never married")
                        .option("da", "Đã từng kết hôn", "Married before").build(),
                // The party in the group's own label: its add and remove buttons are named by it, and the
                // bride's and the groom's would otherwise read the same to a screen reader.
                FormField.builder("previousMarriages", GROUP, "Các lần kết hôn trước của "
                        + (name.equals("bride") ? "bên nữ" : "bên nam"))
                        .labelEn(name.equals("bride") ? "The bride's earlier marriages" : "The groom's earlier marriages")
                        .items(1, 5).visibleWhen("marriedBefore", "da").fields(
                                FormField.builder("spouseName", PERSON_NAME, "Họ, chữ đệm và tên người vợ/chồng "
                                        + "trước").labelEn("Former spouse's full name").required().build(),
                                FormField.builder("endedBy", SELECT, "Hôn nhân đã chấm dứt do")
                                        .labelEn("The marriage ended by").required()
                                        .option("ly-hon", "Ly hôn theo bản án, quyết định của Tòa án", "Divorce")
                                        .option("chet", "Vợ hoặc chồng đã chết", "Death of the spouse")
                                        .option("huy", "Hủy việc kết hôn trái pháp luật", "Annulment").build(),
                                FormField.builder("documentReference", TEXT, "Số, ngày của bản án, quyết định hoặc "
                                        + "trích lục khai tử").labelEn("Number and date of the judgment or death record")
                                        .required().length(null, 200).build())
                        .build()));
        return FormField.builder(name, GROUP, label).labelEn(labelEn).required().items(1, 1).fields(fields).build();
    }

    private static FormField ethnicity(boolean required) {
        FormField.Builder field = FormField.builder("ethnicity", SELECT, "Dân tộc").labelEn("Ethnic group")
                .required(required);
        ETHNIC_GROUPS.forEach(group -> field.option(group, group));
        return field.build();
    }

    private static FormField nationality(boolean required) {
        return FormField.builder("nationality", SELECT, "Quốc tịch").labelEn("Nationality").required(required)
                .option("VN", "Việt Nam", "Vietnamese").option("OTHER", "Quốc tịch khác", "Another nationality")
                .build();
    }

    private static FormField nationalityOther() {
        return FormField.builder("nationalityOther", TEXT, "Ghi rõ quốc tịch").labelEn("Which nationality")
                .required().length(null, 100).visibleWhen("nationality", "OTHER").build();
    }
}
