package dev.parley.sla.web;

import dev.parley.sla.AppliedSlaView;
import dev.parley.sla.SlaEventView;
import dev.parley.sla.SlaPolicyView;
import dev.parley.shared.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chatwoot's JSON for a policy, an applied SLA and an SLA event. */
public final class SlaJson {

    private SlaJson() {
    }

    public static Map<String, Object> policy(SlaPolicyView p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id());
        json.put("name", p.name());
        json.put("description", p.description());
        json.put("first_response_time_threshold", p.firstResponseTimeThreshold());
        json.put("next_response_time_threshold", p.nextResponseTimeThreshold());
        json.put("only_during_business_hours", p.onlyDuringBusinessHours());
        json.put("resolution_time_threshold", p.resolutionTimeThreshold());
        return json;
    }

    public static Map<String, Object> applied(AppliedSlaView a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("sla_id", a.policy().id());
        json.put("sla_status", a.slaStatus());
        json.put("created_at", Timestamps.unix(a.createdAt()));
        json.put("updated_at", Timestamps.unix(a.updatedAt()));
        json.put("sla_description", a.policy().description());
        json.put("sla_name", a.policy().name());
        json.put("sla_first_response_time_threshold", a.policy().firstResponseTimeThreshold());
        json.put("sla_next_response_time_threshold", a.policy().nextResponseTimeThreshold());
        json.put("sla_only_during_business_hours", a.policy().onlyDuringBusinessHours());
        json.put("sla_resolution_time_threshold", a.policy().resolutionTimeThreshold());
        return json;
    }

    public static Map<String, Object> event(SlaEventView e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("event_type", e.eventType());
        json.put("meta", e.meta());
        json.put("created_at", Timestamps.unix(e.createdAt()));
        json.put("updated_at", Timestamps.unix(e.createdAt()));
        return json;
    }
}
