/**
 * Presence: whether an agent can take conversations right now. An agent is online when their
 * availability is {@code online} and, with {@code auto_offline}, a heartbeat arrived in the last
 * 20 s. Keeps its own projection, updated in the same transaction as availability changes (listens
 * synchronously to {@link dev.parley.account.AgentAvailabilityChanged} and
 * {@link dev.parley.account.AgentRemoved}), by heartbeats and by a timeout sweep; publishes
 * {@link dev.parley.presence.AgentPresenceChanged} whenever the effective state flips.
 */
package dev.parley.presence;
