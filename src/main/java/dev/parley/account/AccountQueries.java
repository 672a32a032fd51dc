package dev.parley.account;

import dev.parley.account.persistence.AccountRepository;
import dev.parley.shared.ResourceNotFound;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of accounts, users and memberships; also resolves tokens for the web edge. */
@Service
@Transactional(readOnly = true)
public class AccountQueries {

    private final AccountRepository accounts;

    public AccountQueries(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public Optional<AuthenticatedUser> authenticate(String token) {
        return token == null || token.isBlank() ? Optional.empty() : accounts.findByToken(token.trim());
    }

    public Optional<Membership> membership(long accountId, AuthenticatedUser user) {
        return accounts.findAgent(accountId, user.id())
                .map(a -> new Membership(accountId, user.id(), a.availableName(), user.email(), a.role()));
    }

    public AccountView account(long id) {
        return accounts.findAccount(id).orElseThrow(() -> new ResourceNotFound("Account"));
    }

    public UserView user(long id) {
        return accounts.findUser(id).orElseThrow(() -> new ResourceNotFound("User"));
    }

    public Optional<AgentView> agent(long accountId, long userId) {
        return accounts.findAgent(accountId, userId);
    }

    public List<AgentView> agents(long accountId) {
        return accounts.agents(accountId);
    }

    /** The epoch a dashboard session must have been signed in under to stay valid; -1 when the user is gone. */
    public int sessionEpoch(long userId) {
        return accounts.sessionEpoch(userId);
    }

    public List<AgentView> memberships(long userId) {
        return accounts.memberships(userId);
    }
}
