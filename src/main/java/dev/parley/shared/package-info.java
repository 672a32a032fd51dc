/**
 * Kernel shared by every module: the {@link dev.parley.shared.Actor} who causes a change, the
 * exceptions named for what went wrong (mapped to Chatwoot-shaped errors by the web edge), small
 * value helpers, the check that keeps outgoing URLs (webhooks) out of the server's own network, and durable
 * timers ({@code timers}: armed in the caller's transaction, fired once by a poller on every node). It depends on nothing and publishes no events.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.parley.shared;
