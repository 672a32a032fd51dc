/**
 * Reporting: append-only reporting events taken from conversation events as they were at commit time
 * (a resolution is credited to the assignee when it was resolved, whatever rules do next), and
 * Chatwoot's v2 report API (summary, time series, summary reports, CSV). Listens to conversation events; publishes
 * nothing. Idempotent under redelivery (unique source event and name). Counts by current assignee,
 * team or label read the conversations table, as Chatwoot does.
 */
package dev.parley.reporting;
