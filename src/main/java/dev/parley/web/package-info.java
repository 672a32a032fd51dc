/**
 * The edge: authenticates API tokens (user tokens and the platform token), checks that the caller
 * belongs to the account in the path and has the role an endpoint needs, and turns exceptions into
 * Chatwoot-shaped JSON errors. Nothing depends on it; it publishes and listens to no events.
 */
package dev.parley.web;
