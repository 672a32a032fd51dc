package dev.parley.account;

import dev.parley.account.persistence.AccountRepository;
import dev.parley.account.persistence.PasswordLinkRepository;
import dev.parley.shared.Actor;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chatwoot's agent invitation: an administrator adds a person by name and email; someone new (or who never set a
 * password) gets an invitation link to set one. New agents start online with automatic offline, as in Chatwoot.
 */
@Service
@Transactional
public class Invitations {

    /** The new member, and the invitation token when she still has to set a password (null when she has one). */
    public record Invitation(AgentView agent, String token) {
    }

    private final AccountManagement management;
    private final AccountRepository accounts;
    private final PasswordLinkRepository links;
    private final PasswordLinks passwordLinks;

    Invitations(AccountManagement management, AccountRepository accounts, PasswordLinkRepository links, PasswordLinks passwordLinks) {
        this.management = management;
        this.accounts = accounts;
        this.links = links;
        this.passwordLinks = passwordLinks;
    }

    public Invitation invite(long accountId, String name, String email, String role, String availability, Boolean autoOffline, Actor actor) {
        AgentView agent = management.addAgent(accountId, name, email, role, availability, autoOffline, actor);
        boolean pending = accounts.passwordHash(agent.id()).isEmpty();
        return new Invitation(agent, pending ? passwordLinks.issue(agent.id(), PasswordLinks.Purpose.INVITATION) : null);
    }

    /** A new invitation link for a member who has not set a password yet; the earlier link stops working. */
    public Invitation resend(long accountId, long userId) {
        AgentView agent = accounts.findAgent(accountId, userId).orElseThrow(() -> new ResourceNotFound("Agent"));
        if (accounts.passwordHash(userId).isPresent()) {
            throw InvalidInput.of("email", "has joined already; send a password reset link instead");
        }
        return new Invitation(agent, passwordLinks.issue(userId, PasswordLinks.Purpose.INVITATION));
    }

    /** The members who were invited and have not set a password yet. */
    @Transactional(readOnly = true)
    public Set<Long> pending(long accountId) {
        return links.withoutPassword(accountId);
    }
}
