package vn.dvc.form;

import java.util.List;
import java.util.Optional;

import static vn.dvc.form.FieldType.CITIZEN_ID;
import static vn.dvc.form.FieldType.EMAIL;
import static vn.dvc.form.FieldType.GROUP;
import static vn.dvc.form.FieldType.PHONE;
import static vn.dvc.form.FieldType.TAX_CODE;
import static vn.dvc.form.FieldType.TEXT;
import static vn.dvc.form.FieldType.TEXTAREA;

/**
 * The form of one procedure version: its fields in order. Stored as JSON; a dossier keeps the
 * procedure version, and so the form, it was filled in with.
 */
public record FormDefinition(List<FormField> fields) {

    public FormDefinition {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static FormDefinition of(FormField... fields) {
        return new FormDefinition(List.of(fields));
    }

    /**
     * The form of every procedure whose agency has not written its own: what is requested, the
     * applicant's contact details, and for an organisation its name and tax code (all prefilled).
     */
    public static FormDefinition generic() {
        return of(
                FormField.builder("requestSummary", TEXTAREA, "Nội dung đề nghị").labelEn("What you are requesting")
                        .required().length(null, 2000)
                        .help("Nêu ngắn gọn việc bạn đề nghị cơ quan giải quyết và lý do.").build(),
                FormField.builder("contactName", TEXT, "Họ và tên người nộp hồ sơ").labelEn("Full name")
                        .required().length(null, 100).prefill(PrefillKeys.FULL_NAME).build(),
                FormField.builder("citizenId", CITIZEN_ID, "Số định danh cá nhân (số CCCD)")
                        .labelEn("Personal identification number").prefill(PrefillKeys.CITIZEN_ID).build(),
                FormField.builder("phone", PHONE, "Số điện thoại").labelEn("Phone number").required()
                        .prefill(PrefillKeys.PHONE).build(),
                FormField.builder("email", EMAIL, "Thư điện tử").labelEn("Email").prefill(PrefillKeys.EMAIL).build(),
                FormField.builder("address", TEXT, "Địa chỉ liên hệ").labelEn("Contact address").required()
                        .length(null, 300).prefill(PrefillKeys.ADDRESS).build(),
                FormField.builder("organisation", GROUP, "Tổ chức đề nghị")
                        .labelEn("The organisation applying").items(0, 1)
                        .help("Chỉ điền khi nộp hồ sơ cho một tổ chức, doanh nghiệp; cá nhân để trống.").fields(
                                FormField.builder("organisationName", TEXT, "Tên tổ chức").labelEn("Name")
                                        .required().length(null, 300).prefill(PrefillKeys.ORGANISATION_NAME).build(),
                                FormField.builder("taxCode", TAX_CODE, "Mã số thuế").labelEn("Tax code").required()
                                        .prefill(PrefillKeys.TAX_CODE).build())
                        .build());
    }

    /** The field at a path of names (e.g. {@code children.fullName}; item indices are ignored). */
    public Optional<FormField> field(String path) {
        List<FormField> scope = fields;
        FormField found = null;
        for (String part : path.replaceAll("\\[\\d+]", "").split("\\.")) {
            found = scope.stream().filter(f -> f.name().equals(part)).findFirst().orElse(null);
            if (found == null) {
                return Optional.empty();
            }
            scope = found.fields();
        }
        return Optional.ofNullable(found);
    }
}
