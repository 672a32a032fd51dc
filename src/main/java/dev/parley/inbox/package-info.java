/**
 * Setup: inboxes (API channel with its public identifier, webhook URL, HMAC token and auto-assignment
 * settings) and their member agents. Publishes {@link dev.parley.inbox.InboxMembersChanged} and
 * {@link dev.parley.inbox.InboxSettingsChanged}; listens to {@link dev.parley.account.AgentRemoved} to drop a departed agent from its inboxes.
 */
package dev.parley.inbox;
