package dev.parley.web;

/** No valid credentials came with the request. */
class NotAuthenticated extends RuntimeException {
    NotAuthenticated(String message) {
        super(message);
    }
}
