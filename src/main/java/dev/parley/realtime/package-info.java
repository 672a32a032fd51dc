/**
 * Realtime: one live stream (server-sent events) per signed-in dashboard, told after commit whenever a
 * conversation of its account changes, with a heartbeat every 15 s; an open stream is also the agent's
 * presence heartbeat. Listens to conversation and presence events; publishes nothing.
 */
package dev.parley.realtime;
