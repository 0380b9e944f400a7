package vn.dvc.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.dvc.shared.NotFoundException;

/** The signed-in applicant's own profile, for scripts and mobile apps. */
@RestController
@RequestMapping("/api/v1/account")
@Tag(name = "Tài khoản", description = "Tài khoản của tổ chức, công dân đang đăng nhập")
class AccountApi {

    private final Applicants applicants;

    AccountApi(Applicants applicants) {
        this.applicants = applicants;
    }

    @GetMapping
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "Hồ sơ của người nộp đang đăng nhập", description = "Chỉ trả về thông tin của chính "
            + "tài khoản đang đăng nhập. emailVerified = false: chưa xác thực email, chưa được nộp hồ sơ. "
            + "401 khi chưa đăng nhập; 403 với tài khoản cán bộ.")
    ApplicantProfile account() {
        return applicants.current().orElseThrow(() -> new NotFoundException("identity.account.no-profile"));
    }
}
