package dev.parley.web.dashboard;

import dev.parley.conversation.ConversationView;
import dev.parley.sla.AppliedSlaView;
import dev.parley.sla.SlaDue;
import dev.parley.sla.SlaEventView;
import dev.parley.sla.SlaPolicies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The SLA part of the conversation's details: the policy, its status, each pending deadline with the time left, the breaches. */
@Component
class SlaPanel {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Map<String, String> METRICS = Map.of("frt", "First response", "nrt", "Next response", "rt", "Resolution");

    private final SlaPolicies policies;
    private final Clock clock;

    SlaPanel(SlaPolicies policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    Map<String, Object> of(ConversationView c) {
        AppliedSlaView applied = policies.applied(List.of(c.id())).stream().findFirst().orElse(null);
        if (applied == null) return null;
        Instant now = clock.instant();
        Map<String, Object> sla = new LinkedHashMap<>();
        sla.put("name", applied.policy().name());
        sla.put("status", applied.slaStatus().replace('_', ' '));
        sla.put("business_hours", applied.policy().onlyDuringBusinessHours());
        sla.put("deadlines", policies.pending(c.id()).stream().map(d -> deadline(d, now)).toList());
        sla.put("breaches", policies.events(List.of(c.id())).stream().map(SlaPanel::breach).toList());
        return sla;
    }

    private static Map<String, Object> deadline(SlaDue d, Instant now) {
        return Map.of("metric", METRICS.getOrDefault(d.metric(), d.metric()), "due_iso", d.dueAt().toString(), "due_text", SHOWN.format(d.dueAt()),
                "left", left(Duration.between(now, d.dueAt())));
    }

    private static String breach(SlaEventView e) {
        return METRICS.getOrDefault(e.eventType(), e.eventType()) + " missed (due " + SHOWN.format(e.dueAt()) + ")";
    }

    /** "in 1 h 05 min", "in 4 min", or "overdue" (the same words the page's countdown writes). */
    static String left(Duration d) {
        if (d.isNegative() || d.isZero()) return "overdue";
        long minutes = (d.getSeconds() + 59) / 60;
        return minutes >= 60 ? "in %d h %02d min".formatted(minutes / 60, minutes % 60) : "in " + minutes + " min";
    }
}
