package dev.parley.web.input;

/** A query string that cannot be decoded (bad percent-encoding): answered 400 {@code {"error": ...}}. */
public class MalformedQuery extends RuntimeException {

    public MalformedQuery(String message) {
        super(message);
    }
}
