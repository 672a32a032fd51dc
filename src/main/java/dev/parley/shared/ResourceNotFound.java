package dev.parley.shared;

/** A resource does not exist, or exists outside the caller's account (the two are never told apart). */
public class ResourceNotFound extends RuntimeException {
    public ResourceNotFound(String what) {
        super(what + " not found");
    }
}
