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
     * The profile as e-form prefill values, only those that are known: {@code applicant.fullName},
     * {@code applicant.citizenId}, {@code applicant.dateOfBirth} (yyyy-MM-dd), {@code applicant.sex},
     * {@code applicant.phone}, {@code applicant.email}, {@code applicant.address}, {@code applicant.taxCode},
     * {@code applicant.organisationName}, {@code applicant.representative} (the representative's name),
     * {@code applicant.representativeCitizenId}, {@code applicant.representativePosition}.
     */
    public Map<String, String> prefillData() {
        Map<String, String> data = new LinkedHashMap<>();
        put(data, "fullName", fullName);
        put(data, "citizenId", citizenId);
        put(data, "dateOfBirth", dateOfBirth == null ? null : dateOfBirth.toString());
        put(data, "sex", sex);
        put(data, "phone", phone);
        put(data, "email", email);
        put(data, "address", address);
        put(data, "taxCode", taxCode);
        put(data, "organisationName", organisationName);
        put(data, "representative", representativeName);
        put(data, "representativeCitizenId", representativeCitizenId);
        put(data, "representativePosition", representativePosition);
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
