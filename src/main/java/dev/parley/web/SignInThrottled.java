package dev.parley.web;

import dev.parley.shared.TooManyRequests;
import org.springframework.security.core.AuthenticationException;

/** A dashboard sign-in refused unchecked because its email or client address spent its attempts. */
public class SignInThrottled extends AuthenticationException {

    /** The request attribute that carries the refusal to the sign-in page it is forwarded to. */
    public static final String ATTRIBUTE = SignInThrottled.class.getName();

    private final transient TooManyRequests refusal;

    SignInThrottled(TooManyRequests refusal) {
        super(refusal.getMessage(), refusal);
        this.refusal = refusal;
    }

    public TooManyRequests refusal() {
        return refusal;
    }
}
