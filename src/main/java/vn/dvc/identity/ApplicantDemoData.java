package vn.dvc.identity;

import java.time.LocalDate;
import java.util.EnumSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import vn.dvc.identity.Applicants.NewApplicant;
import vn.dvc.shared.DemoDataSet;

/**
 * The demo applicants' profiles, complete and verified: the citizen {@code congdan} (whose account
 * {@link IdentityDemoData} creates) and the organisation {@code doanhnghiep}. A set of its own, so that
 * a database whose accounts were loaded before applicant profiles existed gets them too.
 *
 * <p>All of it is invented: the people, the company, the phones and house numbers (the streets and
 * wards are real). The citizen identity number 064085000001 follows the rules of RULES.md §2 (064,
 * Gia Lai's code before the 2025 merger; 0, a man born in the 1900s; 85, born 1985) with a made-up
 * serial; the representative's 052190000002 likewise (052, Bình Định; 1, a woman born in the 1900s;
 * 90). The tax code 5999999982 has Gia Lai's tax prefix 59 and a valid check digit, with a sequence
 * number far beyond any issued.
 */
@Component
class ApplicantDemoData implements DemoDataSet {

    static final String CITIZEN_ID = "064085000001";
    static final String TAX_CODE = "5999999982";
    private static final String TERMS = "demo";

    private final Accounts accounts;
    private final Applicants applicants;
    private final PasswordEncoder encoder;
    private final String password;

    ApplicantDemoData(Accounts accounts, Applicants applicants, PasswordEncoder encoder,
            @Value("${app.demo-data.password:GiaLai@2026}") String password) {
        this.accounts = accounts;
        this.applicants = applicants;
        this.encoder = encoder;
        this.password = password;
    }

    @Override
    public String name() {
        return "identity-applicants";
    }

    @Override
    public int order() {
        return 21;
    }

    @Override
    public void load() {
        accounts.findByUsername("congdan").filter(a -> applicants.profile(a.id()).isEmpty())
                .ifPresent(a -> applicants.insert(a.id(), new NewApplicant(ApplicantKind.CITIZEN, "Nguyễn Văn An",
                        CITIZEN_ID, LocalDate.of(1985, 3, 12), "MALE", null, null, null, null, null,
                        "congdan@demo.dichvucong.invalid", "0912000001",
                        "Số 1 Hùng Vương (số nhà demo), phường Pleiku, tỉnh Gia Lai", TERMS), true));
        if (accounts.findByUsername("doanhnghiep").isEmpty()) {
            String company = "Công ty TNHH Dịch vụ Phố Núi (doanh nghiệp demo)";
            String email = "doanhnghiep@demo.dichvucong.invalid";
            long id = accounts.create("doanhnghiep", encoder.encode(password), company, email, null,
                    EnumSet.of(Role.APPLICANT), true);
            applicants.insert(id, new NewApplicant(ApplicantKind.ORGANISATION, company, null, null, null, company,
                    TAX_CODE, "Lê Thị Hoa", "052190000002", "Giám đốc", email, "02693000002",
                    "Số 2 Trần Hưng Đạo (số nhà demo), phường Diên Hồng, tỉnh Gia Lai", TERMS), true);
        }
    }
}
