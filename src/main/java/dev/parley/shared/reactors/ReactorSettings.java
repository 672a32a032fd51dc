package dev.parley.shared.reactors;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the reactors read the event log ({@code parley.reactors.*}): at most {@code batch-size} events a transaction;
 * after a batch, {@code batch-interval} for more events to gather into the next; with nothing to do, a look every
 * {@code idle-interval} (for events appended by other nodes: this node's own wake the reactors at once);
 * {@code enabled=false} leaves the log unread here (the events wait for a node that reads it); reactors with their
 * own transactions (automation, assignment) handle a batch on {@code parallelism} threads, a conversation's events on one.
 */
@ConfigurationProperties("parley.reactors")
public record ReactorSettings(@DefaultValue("200") int batchSize, @DefaultValue("100ms") Duration batchInterval,
                              @DefaultValue("250ms") Duration idleInterval, @DefaultValue("true") boolean enabled, @DefaultValue("4") int parallelism) {
}
