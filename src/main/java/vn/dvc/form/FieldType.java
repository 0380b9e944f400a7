package vn.dvc.form;

/** What a form field holds, which decides its input and its checks. */
public enum FieldType {
    /** One line of text. */
    TEXT,
    /** Several lines of text. */
    TEXTAREA,
    /**
     * A person's full name ({@link vn.dvc.shared.PersonName}): letters with their diacritics, spaces,
     * apostrophes, hyphens and dots, 2 to 100 characters; stored composed (NFC), spaces collapsed.
     */
    PERSON_NAME,
    /** A number; a comma or a point as the decimal separator. */
    NUMBER,
    /**
     * A whole number, optionally between min and max: typed with digits only (spaces between digit
     * groups and leading zeros are ignored, a sign is allowed); a decimal part is refused.
     */
    INTEGER,
    /** A calendar date, typed dd/mm/yyyy, stored yyyy-MM-dd. */
    DATE,
    EMAIL,
    /** A Vietnamese phone number: 0 and 9 digits (mobile), 0 and 10 digits (landline, 02x), or +84. */
    PHONE,
    /** Personal identification number of the citizen ID card (CCCD), 12 digits (RULES.md §2). */
    CITIZEN_ID,
    /** Tax code (mã số thuế): 10 digits with a check digit, or 13 with a branch suffix. */
    TAX_CODE,
    /** One option out of a drop-down list. */
    SELECT,
    /** One option out of radio buttons. */
    RADIO,
    /** Without options, one box to tick (a boolean); with options, any number of them (a list). */
    CHECKBOX,
    /** Nested fields, repeated between minItems and maxItems times; maxItems 1 makes a plain section. */
    GROUP;

    /** Types whose value is free text, to which lengths and patterns apply. */
    public boolean isText() {
        return this == TEXT || this == TEXTAREA || this == EMAIL;
    }

    /** Types that are numbers, to which min and max apply. */
    public boolean isNumeric() {
        return this == NUMBER || this == INTEGER;
    }

    /** Types that choose among options. */
    public boolean hasOptions() {
        return this == SELECT || this == RADIO || this == CHECKBOX;
    }
}
