/** Chatwoot's SLA policy API and Parley's SLA breach report. */
package dev.parley.sla.web;
