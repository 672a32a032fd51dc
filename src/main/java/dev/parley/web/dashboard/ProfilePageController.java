package dev.parley.web.dashboard;

import dev.parley.account.AccountManagement;
import dev.parley.account.AccountQueries;
import dev.parley.account.Membership;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.TooManyRequests;
import dev.parley.web.DashboardSignIn;
import dev.parley.web.DashboardUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in person's profile: name and display name, password (a new one ends her other dashboard sessions; this one
 * stays signed in), and the API access token (copy, reset).
 */
@Controller
class ProfilePageController {

    private final DashboardContext context;
    private final AccountQueries accounts;
    private final AccountManagement management;
    private final DashboardSignIn signIn;

    ProfilePageController(DashboardContext context, AccountQueries accounts, AccountManagement management, DashboardSignIn signIn) {
        this.context = context;
        this.accounts = accounts;
        this.management = management;
        this.signIn = signIn;
    }

    @GetMapping("/app/accounts/{accountId}/profile")
    String page(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, Model model) {
        return page(context.membership(user, accountId), null, null, model);
    }

    @PostMapping("/app/accounts/{accountId}/profile")
    String save(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(defaultValue = "") String name,
                @RequestParam(name = "display_name", defaultValue = "") String displayName, Model model) {
        Membership me = context.membership(user, accountId);
        try {
            management.updateProfile(me.userId(), name, displayName);
        } catch (InvalidInput e) {
            return page(me, e.getMessage(), null, model);
        }
        return "redirect:/app/accounts/" + accountId + "/profile?saved";
    }

    @PostMapping("/app/accounts/{accountId}/profile/password")
    String password(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId,
                    @RequestParam(name = "current_password", defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
                    @RequestParam(name = "password_confirmation", defaultValue = "") String confirmation, Model model,
                    HttpServletRequest request, HttpServletResponse response) {
        Membership me = context.membership(user, accountId);
        try {
            management.changePassword(me.userId(), current, password, confirmation, request.getRemoteAddr());
            signIn.keep(user, request, response);
        } catch (InvalidInput e) {
            return page(me, null, e.getMessage(), model);
        } catch (TooManyRequests e) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            return page(me, null, SignInPage.tooManyAttempts(e), model);
        }
        return "redirect:/app/accounts/" + accountId + "/profile?password";
    }

    @PostMapping("/app/accounts/{accountId}/profile/token")
    String resetToken(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId) {
        Membership me = context.membership(user, accountId);
        management.resetAccessToken(me.userId());
        return "redirect:/app/accounts/" + accountId + "/profile?token";
    }

    private String page(Membership me, String profileError, String passwordError, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("accountId", me.accountId());
        model.addAttribute("user", accounts.user(me.userId()));
        model.addAttribute("profileError", profileError);
        model.addAttribute("passwordError", passwordError);
        return "app/profile";
    }
}
