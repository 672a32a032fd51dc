/**
 * SLA policies (Chatwoot Enterprise's model and API): per-account thresholds for first response, next response and
 * resolution, in seconds, counted in calendar time or in the inbox's business hours. Applying a policy to a
 * conversation ({@link dev.parley.sla.SlaPolicies#apply}, from the rule action {@code add_sla} or a conversation
 * update) arms durable timers in that transaction; replies and resolutions cancel them in theirs; a due timer
 * re-checks the conversation as it is, records the breach once ({@code sla_events}, with the assignee, team and
 * inbox at the breach) and publishes {@link dev.parley.sla.SlaBreached}, which rules can act on
 * ({@code sla_breached}). Reports count breaches per agent, team and inbox.
 */
package dev.parley.sla;
