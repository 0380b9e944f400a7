package vn.dvc.catalogue;

/**
 * Something a level-4 (full online) service needs that another module provides: online payment
 * (a merchant account at the gateway) or electronic results (a signing certificate). The catalogue
 * asks every implementation before it publishes a level-4 procedure and shows the answers on the
 * procedure's page.
 */
public interface OnlineCapability {

    /** What a level-4 service may need. */
    enum Offering {
        /** Fees paid online through the payment gateway. */
        ONLINE_PAYMENT,
        /** The result issued as a digitally signed electronic document. */
        ELECTRONIC_RESULT
    }

    Offering offering();

    /**
     * Whether it is set up for the agency that receives the dossiers; {@code null} asks about agencies
     * without settings of their own (implementations by level: every commune, for instance).
     */
    boolean configuredFor(String agencyCode);
}
