package vn.dvc.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    /** Session attribute that carries the name typed in a failed sign-in to the next login page, once. */
    private static final String TYPED_USERNAME = LoginController.class.getName() + ".typedUsername";
    private static final int USERNAME_MAX_LENGTH = 254;

    /**
     * Keeps what the person typed as their name after a failed sign-in, so that they only retype the
     * password. In the session rather than the address: a citizen ID must not end up in access logs.
     */
    static void keepTypedUsername(HttpServletRequest request) {
        String typed = request.getParameter("username");
        if (typed == null || typed.isBlank()) {
            return;
        }
        String kept = typed.strip();
        request.getSession().setAttribute(TYPED_USERNAME,
                kept.length() > USERNAME_MAX_LENGTH ? kept.substring(0, USERNAME_MAX_LENGTH) : kept);
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(TYPED_USERNAME) instanceof String typed) {
            session.removeAttribute(TYPED_USERNAME);
            model.addAttribute("typedUsername", typed);
        }
        return "identity/login";
    }
}
