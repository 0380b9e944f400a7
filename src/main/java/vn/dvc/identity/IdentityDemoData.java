package vn.dvc.identity;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import vn.dvc.shared.DemoDataSet;

/**
 * The demo accounts listed in the README: an applicant (its profile, and a second, organisation
 * applicant, come from {@link ApplicantDemoData}); a reception officer, a specialist, a leader
 * and an agency administrator at the Department of Justice and at Pleiku City People's Committee; the
 * provincial coordinator at the Department of Information and Communications; a system administrator.
 * The people are invented.
 */
@Component
class IdentityDemoData implements DemoDataSet {

    static final String JUSTICE = "000.00.03.H21";
    static final String PLEIKU = "000.00.30.H21";
    static final String INFORMATION = "000.00.11.H21";

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final String password;

    IdentityDemoData(Accounts accounts, PasswordEncoder encoder,
            @Value("${app.demo-data.password:GiaLai@2026}") String password) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.password = password;
    }

    @Override
    public String name() {
        return "identity-accounts";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void load() {
        String hash = encoder.encode(password);
        account(hash, "congdan", "Nguyễn Văn An", null, Role.APPLICANT);
        account(hash, "tiepnhan.stp", "Trần Thị Bình", JUSTICE, Role.RECEPTION_OFFICER);
        account(hash, "chuyenvien.stp", "Lê Văn Cường", JUSTICE, Role.SPECIALIST);
        account(hash, "lanhdao.stp", "Phạm Thị Dung", JUSTICE, Role.LEADER);
        account(hash, "quantri.stp", "Hoàng Văn Em", JUSTICE, Role.AGENCY_ADMIN);
        account(hash, "tiepnhan.pleiku", "Võ Thị Giang", PLEIKU, Role.RECEPTION_OFFICER);
        account(hash, "chuyenvien.pleiku", "Đặng Văn Hùng", PLEIKU, Role.SPECIALIST);
        account(hash, "lanhdao.pleiku", "Bùi Thị Lan", PLEIKU, Role.LEADER);
        account(hash, "quantri.pleiku", "Đỗ Văn Minh", PLEIKU, Role.AGENCY_ADMIN);
        account(hash, "dieuphoi.stttt", "Ngô Thị Nga", INFORMATION, Role.PROVINCIAL_COORDINATOR);
        account(hash, "admin", "Quản trị hệ thống", null, Role.SYSTEM_ADMIN);
    }

    private void account(String hash, String username, String fullName, String agency, Role role) {
        Set<Role> roles = EnumSet.of(role);
        accounts.create(username, hash, fullName, username + "@demo.dichvucong.invalid", agency, roles, true);
    }
}
