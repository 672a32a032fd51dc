package dev.parley.account;

/** A password link that cannot set a password: used, expired, or unknown. */
public class PasswordLinkUnusable extends RuntimeException {

    private final PasswordLinks.State state;

    public PasswordLinkUnusable(PasswordLinks.State state) {
        super("password link " + state.name().toLowerCase());
        this.state = state;
    }

    public PasswordLinks.State state() {
        return state;
    }
}
