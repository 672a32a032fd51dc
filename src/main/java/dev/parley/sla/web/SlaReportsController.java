package dev.parley.sla.web;

import dev.parley.account.Membership;
import dev.parley.shared.AdministratorOnly;
import dev.parley.sla.BreachCount;
import dev.parley.sla.SlaPolicies;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SLA reports: Chatwoot's {@code applied_slas/metrics} (SLAs applied in the range, how many missed) and Parley's
 * breach counts per agent, team and inbox ({@code sla_breaches?group_by=agent|team|inbox}); ranges in unix
 * seconds ({@code since}, {@code until}), all time by default. Administrators only, like Chatwoot's reports.
 */
@RestController
class SlaReportsController {

    private final SlaPolicies policies;

    SlaReportsController(SlaPolicies policies) {
        this.policies = policies;
    }

    @GetMapping("/api/v1/accounts/{accountId}/applied_slas/metrics")
    @AdministratorOnly
    Map<String, Object> metrics(Membership me, @RequestParam(required = false) Long since, @RequestParam(required = false) Long until) {
        long[] m = policies.metrics(me.accountId(), from(since), to(until));
        return Map.of("total_applied_slas", m[0], "number_of_sla_breaches", m[1]);
    }

    @GetMapping("/api/v1/accounts/{accountId}/sla_breaches")
    @AdministratorOnly
    Map<String, Object> breaches(Membership me, @RequestParam(name = "group_by", defaultValue = "agent") String groupBy,
                                 @RequestParam(required = false) Long since, @RequestParam(required = false) Long until) {
        List<Map<String, Object>> rows = policies.breachesBy(me.accountId(), groupBy, from(since), to(until)).stream().map(SlaReportsController::row)
                .toList();
        return Map.of("group_by", groupBy, "payload", rows);
    }

    private static Map<String, Object> row(BreachCount c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("breaches", c.breaches());
        json.put("frt", c.frt());
        json.put("nrt", c.nrt());
        json.put("rt", c.rt());
        return json;
    }

    private static Instant from(Long since) {
        return since == null ? Instant.EPOCH : Instant.ofEpochSecond(since);
    }

    private static Instant to(Long until) {
        return until == null ? Instant.parse("9999-01-01T00:00:00Z") : Instant.ofEpochSecond(until);
    }
}
