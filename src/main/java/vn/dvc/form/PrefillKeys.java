package vn.dvc.form;

import java.util.List;

/**
 * The applicant data a form field may be prefilled from ({@link FormField#prefill()}); the module that
 * shows the form supplies their values, e.g. {@code Map.of(PrefillKeys.FULL_NAME, "Nguyễn Văn An")}.
 */
public final class PrefillKeys {

    private static final String APPLICANT = "applicant.";

    /** The name of the person who applies: the citizen, or an organisation's legal representative. */
    public static final String FULL_NAME = APPLICANT + "fullName";
    /** That person's citizen identity number. */
    public static final String CITIZEN_ID = APPLICANT + "citizenId";
    /** That person's date of birth, yyyy-MM-dd (known for citizens only). */
    public static final String DATE_OF_BIRTH = APPLICANT + "dateOfBirth";
    public static final String PHONE = APPLICANT + "phone";
    public static final String EMAIL = APPLICANT + "email";
    public static final String ADDRESS = APPLICANT + "address";
    /** Organisations only, as are the two keys below. */
    public static final String TAX_CODE = APPLICANT + "taxCode";
    public static final String ORGANISATION_NAME = APPLICANT + "organisationName";
    /** The legal representative's name. */
    public static final String REPRESENTATIVE = APPLICANT + "representative";

    public static final List<String> ALL = List.of(FULL_NAME, CITIZEN_ID, DATE_OF_BIRTH, PHONE, EMAIL, ADDRESS,
            TAX_CODE, ORGANISATION_NAME, REPRESENTATIVE);

    private PrefillKeys() {
    }
}
