package vn.dvc.identity;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the portal knows about an applicant: for filling forms in advance and for checking who owns a
 * dossier. For an organisation, {@code fullName} is the organisation's name and the citizen fields
 * ({@code citizenId}, {@code dateOfBirth}, {@code sex}) are null; for a citizen the organisation fields
 * are null.
 *
 * @param sex {@code MALE} or {@code FEMALE} for citizens
 * @param emailVerified whether the applicant has confirmed the e-mail address; until then the
 *        applicant may sign in but not submit dossiers
 */
public record ApplicantProfile(long accountId, ApplicantKind kind, String fullName, String citizenId,
        LocalDate dateOfBirth, String sex, String phone, String email, String address, String taxCode,
        String organisationName, String representativeName, String representativeCitizenId,
        String representativePosition, boolean emailVerified) {

    /**
     * The profile as e-form prefill values, only those that are known. The person fields
     * ({@code applicant.fullName}, {@code applicant.citizenId}, {@code applicant.dateOfBirth} yyyy-MM-dd,
     * {@code applicant.sex}) are the person who acts: the citizen, or for an organisation its legal
     * representative (whose date of birth and sex are not known). The organisation fields
     * ({@code applicant.organisationName}, {@code applicant.taxCode}, {@code applicant.representative},
     * {@code applicant.representativeCitizenId}, {@code applicant.representativePosition}) are there for
     * organisations only; {@code applicant.phone}, {@code applicant.email} and {@code applicant.address}
     * for both.
     */
    public Map<String, String> prefillData() {
        Map<String, String> data = new LinkedHashMap<>();
        if (kind == ApplicantKind.ORGANISATION) {
            // The organisation's name is not a person's: it must not land in "Họ và tên" fields.
            put(data, "fullName", representativeName);
            put(data, "citizenId", representativeCitizenId);
        } else {
            put(data, "fullName", fullName);
            put(data, "citizenId", citizenId);
            put(data, "dateOfBirth", dateOfBirth == null ? null : dateOfBirth.toString());
            put(data, "sex", sex);
        }
        put(data, "phone", phone);
        put(data, "email", email);
        put(data, "address", address);
        if (kind == ApplicantKind.ORGANISATION) {
            put(data, "organisationName", organisationName != null ? organisationName : fullName);
            put(data, "taxCode", taxCode);
            put(data, "representative", representativeName);
            put(data, "representativeCitizenId", representativeCitizenId);
            put(data, "representativePosition", representativePosition);
        }
        return Collections.unmodifiableMap(data);
    }

    private static void put(Map<String, String> data, String key, String value) {
        if (value != null && !value.isBlank()) {
            data.put("applicant." + key, value);
        }
    }

    @Override
    public String toString() {
        // Personal data stays out of logs and exception messages.
        return "ApplicantProfile[" + accountId + ", " + kind + "]";
    }
}
