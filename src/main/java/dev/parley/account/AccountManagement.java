package dev.parley.account;

import dev.parley.account.persistence.AccountRepository;
import dev.parley.shared.Actor;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import dev.parley.shared.Tokens;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Commands on accounts, users and account users (roles, availability). */
@Service
@Transactional
public class AccountManagement {

    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PasswordAttempts attempts;
    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();

    public AccountManagement(AccountRepository accounts, ApplicationEventPublisher events, Clock clock, PasswordAttempts attempts) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.attempts = attempts;
    }

    public AccountView createAccount(String name, String locale, String domain, String supportEmail) {
        new Errors().requireText("name", name).maxLength("name", name, 255).email("support_email", supportEmail).throwIfAny();
        return accounts.insertAccount(name.trim(), locale == null ? "en" : locale, domain, supportEmail);
    }

    public AccountView updateAccount(long id, String name, String locale, String domain, String supportEmail) {
        var errors = new Errors().maxLength("name", name, 255).email("support_email", supportEmail);
        if (name != null && name.isBlank()) errors.add("name", "can't be blank");
        errors.throwIfAny();
        return accounts.updateAccount(id, Errors.blankToNull(name), locale, domain, supportEmail)
                .orElseThrow(() -> new ResourceNotFound("Account"));
    }

    public void deleteAccount(long id) {
        if (!accounts.deleteAccount(id)) throw new ResourceNotFound("Account");
    }

    public UserView createUser(String name, String displayName, String email, String password) {
        var errors = new Errors().requireText("name", name).requireText("email", email).email("email", email)
                .maxLength("name", name, 255).maxLength("email", email, 255).maxLength("display_name", displayName, 255);
        passwordLength(errors, "password", password);
        errors.throwIfAny();
        if (accounts.findUserByEmail(email.trim()).isPresent()) throw InvalidInput.of("email", "has already been taken");
        String hash = password == null ? null : passwords.encode(password);
        return accounts.insertUser(name.trim(), Errors.blankToNull(displayName), email.trim().toLowerCase(), hash, Tokens.random(24))
                .orElseThrow(() -> InvalidInput.of("email", "has already been taken"));
    }

    /** Chatwoot's platform user update: only the fields sent change; a new email must still be free. */
    public UserView updateUser(long id, String name, String displayName, String email, String password) {
        UserView current = accounts.findUser(id).orElseThrow(() -> new ResourceNotFound("User"));
        var errors = new Errors().email("email", email).maxLength("name", name, 255);
        if (name != null && name.isBlank()) errors.add("name", "can't be blank");
        if (email != null && email.isBlank()) errors.add("email", "can't be blank");
        passwordLength(errors, "password", password);
        errors.throwIfAny();
        if (email != null && !email.trim().equalsIgnoreCase(current.email())) {
            if (accounts.findUserByEmail(email.trim()).isPresent()) throw InvalidInput.of("email", "has already been taken");
            accounts.updateEmail(id, email.trim().toLowerCase());
        }
        accounts.updateUser(id, Errors.blankToNull(name), displayName);
        if (password != null) {
            accounts.updatePassword(id, passwords.encode(password));
            accounts.nextSessionEpoch(id); // a password set from outside ends the person's dashboard sessions
        }
        return accounts.findUser(id).orElseThrow();
    }

    /**
     * Deletes a user: each membership is removed as an agent removal first (so its conversations go back to
     * routing), then the user; messages they wrote stay, without a sender.
     */
    public void deleteUser(long id, Actor actor) {
        accounts.findUser(id).orElseThrow(() -> new ResourceNotFound("User"));
        for (AgentView membership : accounts.memberships(id)) removeAccountUser(membership.accountId(), id, actor);
        accounts.deleteUser(id);
    }

    public void addAccountUser(long accountId, long userId, String role) {
        new Errors().requireText("role", role).oneOf("role", role, Role.apiNames()).throwIfAny();
        accounts.findAccount(accountId).orElseThrow(() -> new ResourceNotFound("Account"));
        accounts.findUser(userId).orElseThrow(() -> InvalidInput.of("user_id", "does not exist"));
        accounts.upsertMembership(accountId, userId, Role.fromApi(role));
    }

    public void removeAccountUser(long accountId, long userId, Actor actor) {
        if (!accounts.deleteMembership(accountId, userId)) throw new ResourceNotFound("Account user");
        events.publishEvent(new AgentRemoved(UUID.randomUUID(), clock.instant(), accountId, userId, actor));
    }

    /** Adds an agent to an account, creating the user when the email is new (Chatwoot's invite). */
    public AgentView addAgent(long accountId, String name, String email, String role, String availability,
                              Boolean autoOffline, Actor actor) {
        String chosenRole = role == null ? "agent" : role;
        new Errors().requireText("name", name).requireText("email", email).email("email", email)
                .maxLength("name", name, 255).maxLength("email", email, 255)
                .oneOf("role", chosenRole, Role.apiNames()).oneOf("availability_status", availability, Availability.apiNames())
                .throwIfAny();
        UserView user = accounts.findUserByEmail(email.trim()).orElseGet(() -> createUser(name, null, email, null));
        if (accounts.findAgent(accountId, user.id()).isPresent()) throw InvalidInput.of("email", "is already an agent of this account");
        accounts.upsertMembership(accountId, user.id(), Role.fromApi(chosenRole));
        accounts.updateMembership(accountId, user.id(), null, null, autoOffline);
        // as in Chatwoot, a new agent starts online (with automatic offline, she counts as online while a dashboard is open)
        changeAvailability(accountId, user.id(), availability == null ? Availability.ONLINE.apiName() : availability, actor);
        return accounts.findAgent(accountId, user.id()).orElseThrow();
    }

    public AgentView updateAgent(long accountId, long userId, String name, String role, String availability,
                                 Boolean autoOffline, Actor actor) {
        new Errors().oneOf("role", role, Role.apiNames()).oneOf("availability_status", availability, Availability.apiNames())
                .maxLength("name", name, 255).throwIfAny();
        AgentView current = accounts.findAgent(accountId, userId).orElseThrow(() -> new ResourceNotFound("Agent"));
        if (current.role() == Role.ADMINISTRATOR && "agent".equals(role) && accounts.countAdministrators(accountId) == 1) {
            throw InvalidInput.of("role", "cannot demote the last administrator");
        }
        if (name != null && !name.isBlank()) accounts.updateUser(userId, name.trim(), null);
        accounts.updateMembership(accountId, userId, role == null ? null : Role.fromApi(role), null, null);
        if (availability != null) changeAvailability(accountId, userId, availability, actor);
        if (autoOffline != null) changeAutoOffline(accountId, userId, autoOffline, actor);
        return accounts.findAgent(accountId, userId).orElseThrow();
    }

    public void removeAgent(long accountId, long userId, Actor actor) {
        AgentView current = accounts.findAgent(accountId, userId).orElseThrow(() -> new ResourceNotFound("Agent"));
        if (current.role() == Role.ADMINISTRATOR && accounts.countAdministrators(accountId) == 1) {
            throw InvalidInput.of("role", "cannot remove the last administrator");
        }
        removeAccountUser(accountId, userId, actor);
    }

    /** Sets availability; publishes {@link AgentAvailabilityChanged} only when it really changed. */
    public AgentView changeAvailability(long accountId, long userId, String availability, Actor actor) {
        new Errors().requireText("availability", availability).oneOf("availability", availability, Availability.apiNames())
                .throwIfAny();
        AgentView before = accounts.lockAgent(accountId, userId).orElseThrow(() -> new ResourceNotFound("Account user"));
        Availability to = Availability.fromApi(availability);
        if (before.availability() == to) return before;
        accounts.updateMembership(accountId, userId, null, to, null);
        events.publishEvent(new AgentAvailabilityChanged(UUID.randomUUID(), clock.instant(), accountId, userId,
                before.availability(), to, before.autoOffline(), actor));
        return accounts.findAgent(accountId, userId).orElseThrow();
    }

    public AgentView changeAutoOffline(long accountId, long userId, boolean autoOffline, Actor actor) {
        AgentView before = accounts.lockAgent(accountId, userId).orElseThrow(() -> new ResourceNotFound("Account user"));
        if (before.autoOffline() == autoOffline) return before;
        accounts.updateMembership(accountId, userId, null, null, autoOffline);
        events.publishEvent(new AgentAvailabilityChanged(UUID.randomUUID(), clock.instant(), accountId, userId,
                before.availability(), before.availability(), autoOffline, actor));
        return accounts.findAgent(accountId, userId).orElseThrow();
    }

    public void updateProfile(long userId, String name, String displayName) {
        if (name != null && name.isBlank()) throw InvalidInput.of("name", "can't be blank");
        new Errors().maxLength("name", name, 255).maxLength("display_name", displayName, 255).throwIfAny();
        accounts.updateUser(userId, Errors.blankToNull(name), displayName);
    }

    /**
     * Changes a user's password: the current one must match, the new one is at least 6 characters (Chatwoot's
     * minimum) and typed twice alike. Checking the current one is throttled like a sign-in (per email and client
     * address; {@link dev.parley.shared.TooManyRequests} when spent). The person's dashboard sessions end (the session
     * epoch moves on; the dashboard keeps the one she changed it from).
     */
    public void changePassword(long userId, String current, String password, String confirmation, String clientAddress) {
        var errors = new Errors().requireText("current_password", current).requireText("password", password);
        if (password != null && !password.isEmpty()) passwordLength(errors, "password", password);
        if (password != null && !password.equals(confirmation)) errors.add("password_confirmation", "doesn't match Password");
        errors.throwIfAny();
        String email = accounts.findUser(userId).map(UserView::email).orElseThrow(() -> new ResourceNotFound("User"));
        boolean matches = attempts.check(email, clientAddress,
                () -> fitsBcrypt(current) && accounts.passwordHash(userId).map(h -> passwords.matches(current, h)).orElse(false));
        if (!matches) throw InvalidInput.of("current_password", "is not correct");
        accounts.updatePassword(userId, passwords.encode(password));
        accounts.nextSessionEpoch(userId);
    }

    /** "Sign out everywhere": every dashboard session of the user ends; returns the new epoch (the caller's session may keep it). */
    public int signOutEverywhere(long userId) {
        return accounts.nextSessionEpoch(userId);
    }

    /** Replaces the user's API access token; the old one stops working at once. */
    public String resetAccessToken(long userId) {
        String token = Tokens.random(24);
        accounts.updateAccessToken(userId, token);
        return token;
    }

    /**
     * Checks an email and password, for the dashboard's sign-in; throttled per email (known or not, so the answer
     * tells nothing) and per client address ({@link dev.parley.shared.TooManyRequests} when spent).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<UserView> checkPassword(String email, String password, String clientAddress) {
        if (email == null || password == null) return java.util.Optional.empty();
        var user = accounts.findUserByEmail(email.trim());
        boolean matches = attempts.check(email, clientAddress,
                () -> fitsBcrypt(password) && user.flatMap(u -> accounts.passwordHash(u.id())).map(h -> passwords.matches(password, h)).orElse(false));
        return matches ? user : java.util.Optional.empty();
    }

    /** Chatwoot's minimum of 6 characters; bcrypt reads at most 72 bytes, so a longer password is refused, not cut. */
    static void passwordLength(Errors errors, String field, String password) {
        if (password == null) return;
        if (password.length() < 6) errors.add(field, "is too short (minimum is 6 characters)");
        else if (!fitsBcrypt(password)) errors.add(field, "is too long (maximum is 72 bytes)");
    }

    private static boolean fitsBcrypt(String password) {
        return password != null && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 72;
    }
}
