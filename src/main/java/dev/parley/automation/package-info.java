/**
 * Automation: Chatwoot's rules (events, conditions, actions) evaluated in memory against one snapshot
 * per event, in a defined order (position, then id) with stop_processing; every evaluation is logged
 * with why it matched or not; rules can be tried on real conversations (dry run) before they are
 * switched on. Listens to conversation events; acts only through {@code ConversationManagement} and
 * {@code ContactManagement} with the rule as {@link dev.parley.shared.Actor}. Events caused by a rule
 * trigger no rule (Chatwoot's loop guard), and a redelivered event runs no rule twice.
 */
package dev.parley.automation;
