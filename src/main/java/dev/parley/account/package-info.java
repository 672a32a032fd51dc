/**
 * Tenancy: accounts, users and their access tokens, account users (role, availability, auto_offline),
 * teams, labels and custom attribute definitions; the installation's one-time onboarding, invitations and password
 * links (single-use, expiring), and each user's session epoch ("sign out everywhere"). Publishes {@link dev.parley.account.AgentAvailabilityChanged}
 * and {@link dev.parley.account.AgentRemoved}; listens to nothing. Everything else sits on top of it.
 */
package dev.parley.account;
