package dev.parley.account;

import dev.parley.account.persistence.AccountRepository;
import dev.parley.account.persistence.PasswordLinkRepository;
import dev.parley.shared.Errors;
import dev.parley.shared.ResourceNotFound;
import dev.parley.shared.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use, expiring links to set a password: an invitation (valid 7 days) or a password reset (6 hours, Devise's
 * default, as in Chatwoot). Only the newest link of a kind works; setting the password through one ends the person's
 * other dashboard sessions.
 */
@Service
@Transactional
public class PasswordLinks {

    public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    public static final Duration RESET_VALIDITY = Duration.ofHours(6);

    /** What a link is for. */
    public enum Purpose {
        INVITATION, PASSWORD_RESET;

        String dbName() {
            return name().toLowerCase();
        }
    }

    /** Whether a link can still be used, and if not why. */
    public enum State { VALID, USED, EXPIRED, UNKNOWN }

    /** What a link says when opened: its state, and for a valid one whose password it sets. */
    public record Link(State state, Purpose purpose, String email, String name) {
    }

    private final PasswordLinkRepository links;
    private final AccountRepository accounts;
    private final Clock clock;
    private final PasswordResetRequests requests;
    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();

    PasswordLinks(PasswordLinkRepository links, AccountRepository accounts, Clock clock, PasswordResetRequests requests) {
        this.links = links;
        this.requests = requests;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new link for the user; the earlier unused one of the same kind stops working. Returns the token (never stored). */
    public String issue(long userId, Purpose purpose) {
        String token = Tokens.random(32);
        Instant now = clock.instant();
        links.insert(userId, purpose.dbName(), sha256(token), now,
                now.plus(purpose == Purpose.INVITATION ? INVITATION_VALIDITY : RESET_VALIDITY));
        return token;
    }

    /**
     * "Forgot password": a reset link when the email belongs to someone, nothing otherwise (the caller says the same
     * either way); nothing either once this email or address asked too often (3 an hour per email, 20 per address).
     */
    public Optional<String> forgotPassword(String email, String clientAddress) {
        if (email == null || email.isBlank() || email.length() > 255 || !requests.allowed(email, clientAddress)) return Optional.empty();
        return accounts.findUserByEmail(email.trim()).map(u -> issue(u.id(), Purpose.PASSWORD_RESET));
    }

    /** An administrator asks for a reset link for a member of her account (to hand over, or mailed). */
    public String resetLinkFor(long accountId, long userId) {
        accounts.findAgent(accountId, userId).orElseThrow(() -> new ResourceNotFound("Agent"));
        return issue(userId, Purpose.PASSWORD_RESET);
    }

    @Transactional(readOnly = true)
    public Link check(String token) {
        var stored = token == null || token.isBlank() || token.length() > 100 ? Optional.<PasswordLinkRepository.StoredLink>empty()
                : links.find(sha256(token));
        if (stored.isEmpty()) return new Link(State.UNKNOWN, null, null, null);
        var link = stored.get();
        Purpose purpose = Purpose.valueOf(link.purpose().toUpperCase());
        if (link.usedAt() != null) return new Link(State.USED, purpose, null, null);
        if (!link.expiresAt().isAfter(clock.instant())) return new Link(State.EXPIRED, purpose, null, null);
        UserView user = accounts.findUser(link.userId()).orElseThrow();
        return new Link(State.VALID, purpose, user.email(), user.availableName());
    }

    /**
     * Sets the password through a link and uses the link up; the person's other sessions end. Throws
     * {@link PasswordLinkUnusable} when the link was used (also by a concurrent click), expired or never existed.
     */
    public UserView setPassword(String token, String password, String confirmation) {
        var errors = new Errors().requireText("password", password);
        if (password != null && !password.isEmpty()) AccountManagement.passwordLength(errors, "password", password);
        if (password != null && !password.equals(confirmation)) errors.add("password_confirmation", "doesn't match Password");
        errors.throwIfAny();
        Link link = check(token);
        if (link.state() != State.VALID) throw new PasswordLinkUnusable(link.state());
        long userId = links.use(sha256(token), clock.instant()).orElseThrow(() -> new PasswordLinkUnusable(check(token).state()));
        accounts.updatePassword(userId, passwords.encode(password));
        accounts.nextSessionEpoch(userId);
        return accounts.findUser(userId).orElseThrow();
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
