package vn.dvc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import vn.dvc.shared.ProblemException.FieldProblem;

class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy(10,
            new ClassPathResource("identity/common-passwords.txt"));
    final List<String> identifiers = List.of("nguyen.van.binh@example.vn", "064085000123");

    List<String> problems(String password) {
        return policy.check("password", password, "passwordConfirmation", password, identifiers).stream()
                .map(FieldProblem::messageKey).toList();
    }

    @Test
    void acceptsALongPassphrase() {
        assertThat(problems("ngựa ô chạy qua đèo Mang Yang")).isEmpty();
        assertThat(problems("Kh0ng-d0an-duoc")).isEmpty();
    }

    @Test
    void needsTenCharactersCountingLettersNotBytes() {
        assertThat(problems("Ab3$efgh9")).containsExactly("identity.password.too-short");
        assertThat(policy.check("password", "Ab3$efgh9", null, null, identifiers).get(0).args()).containsExactly(10);
        // Ten Vietnamese letters are ten characters, however many bytes they take.
        assertThat(problems("đường điện")).isEmpty();
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(problems("matkhau123")).containsExactly("identity.password.common");
        assertThat(problems("QWERTYUIOP")).containsExactly("identity.password.common");
        assertThat(problems("1234567890")).containsExactly("identity.password.common");
        assertThat(problems("GiaLai@2026")).containsExactly("identity.password.common");
    }

    @Test
    void refusesPasswordsContainingTheEmailOrIdentityNumber() {
        assertThat(problems("nguyen.van.binh@example.vn")).containsExactly("identity.password.personal");
        assertThat(problems("NGUYEN.VAN.BINH!")).containsExactly("identity.password.personal");
        assertThat(problems("so-064085000123")).containsExactly("identity.password.personal");
    }

    @Test
    void reportsADifferentConfirmationOnItsOwnField() {
        List<FieldProblem> found = policy.check("password", "một câu đủ dài", "passwordConfirmation",
                "một câu khác", identifiers);
        assertThat(found).extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("passwordConfirmation", "identity.password.mismatch"));
    }

    @Test
    void requiresAPasswordAndCapsItsLength() {
        assertThat(problems("")).containsExactly("validation.required");
        assertThat(problems(null)).containsExactly("validation.required");
        assertThat(problems("x".repeat(129))).containsExactly("validation.too-long");
    }

    @Test
    void theMinimumIsASetting() {
        PasswordPolicy twelve = new PasswordPolicy(12, List.of());
        assertThat(twelve.check("password", "elevenchars", null, null, List.of())).hasSize(1);
        assertThat(twelve.check("password", "twelve chars", null, null, List.of())).isEmpty();
    }
}
