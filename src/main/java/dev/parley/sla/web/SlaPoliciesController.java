package dev.parley.sla.web;

import dev.parley.account.Membership;
import dev.parley.shared.AdministratorOnly;
import dev.parley.shared.InvalidInput;
import dev.parley.sla.SlaPolicies;
import dev.parley.sla.SlaPolicyInput;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Chatwoot's SLA policies: everyone in the account reads, administrators write; answers wrapped in {@code payload}. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/sla_policies")
class SlaPoliciesController {

    private final SlaPolicies policies;

    SlaPoliciesController(SlaPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    Map<String, Object> index(Membership me) {
        return Map.of("payload", policies.all(me.accountId()).stream().map(SlaJson::policy).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> show(Membership me, @PathVariable long id) {
        return Map.of("payload", SlaJson.policy(policies.get(me.accountId(), id)));
    }

    @PostMapping
    @AdministratorOnly
    Map<String, Object> create(Membership me, @RequestBody Map<String, Object> body) {
        return Map.of("payload", SlaJson.policy(policies.create(me.accountId(), input(body))));
    }

    @PatchMapping("/{id}")
    @AdministratorOnly
    Map<String, Object> update(Membership me, @PathVariable long id, @RequestBody Map<String, Object> body) {
        return Map.of("payload", SlaJson.policy(policies.update(me.accountId(), id, input(body))));
    }

    @PutMapping("/{id}")
    @AdministratorOnly
    Map<String, Object> replace(Membership me, @PathVariable long id, @RequestBody Map<String, Object> body) {
        return update(me, id, body);
    }

    @DeleteMapping("/{id}")
    @AdministratorOnly
    Map<String, Object> delete(Membership me, @PathVariable long id) {
        policies.delete(me.accountId(), id);
        return Map.of();
    }

    /** The policy's fields, bare or wrapped in {@code sla_policy} as Chatwoot's dashboard sends them. */
    private static SlaPolicyInput input(Map<String, Object> body) {
        Map<?, ?> p = body.get("sla_policy") instanceof Map<?, ?> wrapped ? wrapped : body;
        return new SlaPolicyInput(text(p.get("name")), text(p.get("description")), seconds(p, "first_response_time_threshold"),
                seconds(p, "next_response_time_threshold"), seconds(p, "resolution_time_threshold"), flag(p.get("only_during_business_hours")));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Double seconds(Map<?, ?> p, String field) {
        Object v = p.get(field);
        if (v == null || "".equals(v)) return null;
        if (v instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw InvalidInput.of(field, "is not a number");
        }
    }

    private static Boolean flag(Object v) {
        return v == null ? null : v instanceof Boolean b ? b : List.of("true", "1").contains(v.toString());
    }
}
