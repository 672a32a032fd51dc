package dev.parley.shared;

/** The caller is known but may not do this (wrong role, wrong account, bad signature). */
public class NotAuthorized extends RuntimeException {
    public NotAuthorized(String message) {
        super(message);
    }
}
