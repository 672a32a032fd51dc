package dev.parley.web.dashboard;

import dev.parley.account.AccountManagement;
import dev.parley.account.Membership;
import dev.parley.web.DashboardUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The availability menu: online, busy or offline, and "mark offline automatically". */
@Controller
class ProfileMenuController {

    private final DashboardContext context;
    private final AccountManagement accounts;

    ProfileMenuController(DashboardContext context, AccountManagement accounts) {
        this.context = context;
        this.accounts = accounts;
    }

    @PostMapping("/app/accounts/{accountId}/availability")
    String availability(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam String availability,
                        @RequestParam(name = "auto_offline", defaultValue = "false") boolean autoOffline,
                        @RequestHeader(name = "Referer", required = false) String referer) {
        Membership me = context.membership(user, accountId);
        accounts.changeAutoOffline(accountId, me.userId(), autoOffline, me.actor());
        accounts.changeAvailability(accountId, me.userId(), availability, me.actor());
        return "redirect:" + (referer != null && referer.contains("/app/") ? referer.substring(referer.indexOf("/app/"))
                : "/app/accounts/" + accountId + "/conversations");
    }
}
