package dev.parley.web.dashboard;

import dev.parley.account.AccountQueries;
import dev.parley.account.AuthenticatedUser;
import dev.parley.account.Membership;
import dev.parley.shared.ResourceNotFound;
import dev.parley.web.DashboardUser;
import org.springframework.stereotype.Component;

/** Turns the signed-in person and the account in the URL into a membership, or "not found"; also feeds the header. */
@Component
public class DashboardContext {

    private final AccountQueries accounts;
    private final dev.parley.notification.Notifications notifications;

    DashboardContext(AccountQueries accounts, dev.parley.notification.Notifications notifications) {
        this.accounts = accounts;
        this.notifications = notifications;
    }

    /** The caller's unread notifications (the header's bell). */
    public long unreadNotifications(Membership me) {
        return notifications.unread(me);
    }

    Membership membership(DashboardUser user, long accountId) {
        return accounts.membership(accountId, new AuthenticatedUser(user.id(), user.name(), user.email()))
                .orElseThrow(() -> new ResourceNotFound("Account"));
    }

    /** The membership of an administrator of the account; anyone else is refused (Chatwoot's 401 wording). */
    Membership administrator(DashboardUser user, long accountId) {
        Membership me = membership(user, accountId);
        if (!me.isAdministrator()) throw new dev.parley.shared.NotAuthorized("You are not authorized to do this action");
        return me;
    }

    /** The caller's availability in the account (for the header's menu). */
    public String availability(Membership me) {
        return accounts.agent(me.accountId(), me.userId()).map(a -> a.availability().apiName()).orElse("offline");
    }

    public boolean autoOffline(Membership me) {
        return accounts.agent(me.accountId(), me.userId()).map(dev.parley.account.AgentView::autoOffline).orElse(true);
    }

    /** The accounts the caller belongs to, for the account switch: id and name. */
    public java.util.List<java.util.Map<String, Object>> accountsOf(Membership me) {
        return accounts.memberships(me.userId()).stream()
                .map(m -> java.util.Map.<String, Object>of("id", m.accountId(), "name", accounts.account(m.accountId()).name())).toList();
    }

    long firstAccount(DashboardUser user) {
        return accounts.memberships(user.id()).stream().findFirst().orElseThrow(() -> new ResourceNotFound("Account")).accountId();
    }
}
