/**
 * Realtime: one live stream (server-sent events) per signed-in dashboard page, told whenever a conversation
 * of its account changes, with a heartbeat every 15 s; an open stream is also the agent's presence
 * heartbeat. Pushes travel through PostgreSQL (NOTIFY inside the change's transaction, LISTEN on every
 * node: {@code LiveBus}, {@code LiveBusListener}), so they reach pages connected to any node exactly when the
 * change commits. The same LISTEN connection hears the {@link dev.parley.shared.NodeCaches} notices (what a node
 * remembers per account is forgotten on every node when it changes). Listens to conversation, presence and
 * availability events; publishes nothing.
 */
package dev.parley.realtime;
