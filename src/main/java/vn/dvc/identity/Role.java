package vn.dvc.identity;

/** What an account may do. Officer roles are always bound to one agency. */
public enum Role {
    /** A citizen or an organisation's representative (tổ chức, công dân). */
    APPLICANT(false),
    /** Reception desk officer (Bộ phận tiếp nhận và trả kết quả). */
    RECEPTION_OFFICER(true),
    /** Specialist who processes dossiers (chuyên viên xử lý). */
    SPECIALIST(true),
    /** Leader who approves and signs results (lãnh đạo). */
    LEADER(true),
    /** Administers one agency's procedures, forms and accounts. */
    AGENCY_ADMIN(true),
    /** Provincial coordinator at the Department of Information and Communications. */
    PROVINCIAL_COORDINATOR(true),
    /** Administers the whole system. */
    SYSTEM_ADMIN(false);

    private final boolean boundToAgency;

    Role(boolean boundToAgency) {
        this.boundToAgency = boundToAgency;
    }

    public boolean boundToAgency() {
        return boundToAgency;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
