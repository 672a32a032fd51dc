package dev.parley.web.dashboard;

import dev.parley.account.AccountQueries;
import dev.parley.account.AuthenticatedUser;
import dev.parley.account.Membership;
import dev.parley.shared.ResourceNotFound;
import dev.parley.web.DashboardUser;
import org.springframework.stereotype.Component;

/** Turns the signed-in person and the account in the URL into a membership, or "not found". */
@Component
class DashboardContext {

    private final AccountQueries accounts;

    DashboardContext(AccountQueries accounts) {
        this.accounts = accounts;
    }

    Membership membership(DashboardUser user, long accountId) {
        return accounts.membership(accountId, new AuthenticatedUser(user.id(), user.name(), user.email()))
                .orElseThrow(() -> new ResourceNotFound("Account"));
    }

    long firstAccount(DashboardUser user) {
        return accounts.memberships(user.id()).stream().findFirst().orElseThrow(() -> new ResourceNotFound("Account")).accountId();
    }
}
