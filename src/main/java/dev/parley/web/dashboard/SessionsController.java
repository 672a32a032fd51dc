package dev.parley.web.dashboard;

import dev.parley.account.AccountManagement;
import dev.parley.account.Membership;
import dev.parley.web.DashboardSignIn;
import dev.parley.web.DashboardUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** "Sign out everywhere else": the person's session epoch moves on, which ends her other sessions; this one is re-signed under it. */
@Controller
class SessionsController {

    private final DashboardContext context;
    private final AccountManagement accounts;
    private final DashboardSignIn signIn;

    SessionsController(DashboardContext context, AccountManagement accounts, DashboardSignIn signIn) {
        this.context = context;
        this.accounts = accounts;
        this.signIn = signIn;
    }

    @PostMapping("/app/accounts/{accountId}/profile/sessions")
    String signOutEverywhereElse(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, HttpServletRequest request,
                                 HttpServletResponse response) {
        Membership me = context.membership(user, accountId);
        accounts.signOutEverywhere(me.userId());
        signIn.keep(user, request, response);
        return "redirect:/app/accounts/" + accountId + "/profile?sessions";
    }
}
