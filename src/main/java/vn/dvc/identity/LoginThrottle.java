package vn.dvc.identity;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing twice over: an account is locked for a while after a number of
 * failed attempts in a row (kept in the database, so it holds across restarts and instances), and
 * one client address may only try so many times in a window (in memory, any username).
 */
@Component
class LoginThrottle {

    private final Accounts accounts;
    private final int accountLimit;
    private final Duration accountLock;
    private final SlidingWindowLimiter byAddress;

    LoginThrottle(Accounts accounts,
            @Value("${app.login.max-failures:5}") int accountLimit,
            @Value("${app.login.lock-duration:PT15M}") Duration accountLock,
            @Value("${app.login.max-attempts-per-address:30}") int addressLimit,
            @Value("${app.login.address-window:PT5M}") Duration addressWindow) {
        this.accounts = accounts;
        this.accountLimit = accountLimit;
        this.accountLock = accountLock;
        this.byAddress = new SlidingWindowLimiter(addressLimit, addressWindow);
    }

    /** Records an attempt from this address; false when the address has tried too often lately. */
    boolean allowAttempt(String address) {
        return byAddress.tryAcquire(address, accounts.now());
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return; // a system's token or client secret, not a person signing in
        }
        // The name typed may be an e-mail address or an identity number: count the failure on its account.
        String typed = limit(event.getAuthentication().getName());
        String username = accounts.usernameForSignIn(typed).orElse(typed);
        accounts.recordFailure(username, accountLimit, accountLock);
        accounts.logLogin(username, false, address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String username = event.getAuthentication().getName();
        accounts.recordSuccess(username);
        accounts.logLogin(username, true, address(event.getAuthentication().getDetails()));
    }

    /** A name typed can be of any length; the log keeps its first 100 characters. */
    private static String limit(String typed) {
        return typed != null && typed.length() > 100 ? typed.substring(0, 100) : typed;
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
