package vn.dvc.integration;

/** The kinds of outbound events; the name gives the type and routing key: DOSSIER_STATUS_CHANGED is dossier.status-changed. */
enum OutboundType {
    DOSSIER_SUBMITTED,
    DOSSIER_STATUS_CHANGED,
    PAYMENT_CONFIRMED;

    String key() {
        String[] parts = name().toLowerCase(java.util.Locale.ROOT).split("_", 2);
        return parts[0] + "." + parts[1].replace('_', '-');
    }
}
