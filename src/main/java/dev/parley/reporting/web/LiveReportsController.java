package dev.parley.reporting.web;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.account.Membership;
import dev.parley.reporting.LiveConversationMetrics;
import dev.parley.shared.AdministratorOnly;
import dev.parley.shared.Errors;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chatwoot's conversation metrics report: type=account answers {open, unattended, unassigned}; type=agent
 * answers every agent with their {open, unattended}, most open first (Chatwoot ignores user_id here too).
 */
@RestController
@AdministratorOnly
class LiveReportsController {

    private final LiveConversationMetrics metrics;
    private final AccountQueries accounts;

    LiveReportsController(LiveConversationMetrics metrics, AccountQueries accounts) {
        this.metrics = metrics;
        this.accounts = accounts;
    }

    @GetMapping("/api/v2/accounts/{accountId}/reports/conversations")
    Object conversations(Membership me, @RequestParam(required = false) String type) {
        new Errors().requireText("type", type).oneOf("type", type, List.of("account", "agent")).throwIfAny();
        if ("account".equals(type)) return metrics.account(me.accountId());
        List<AgentView> agents = accounts.agents(me.accountId());
        Map<Long, Map<String, Long>> perAgent = metrics.perAssignee(me.accountId(), agents.stream().map(AgentView::id).toList());
        return agents.stream().map(a -> agentRow(a, perAgent.get(a.id())))
                .sorted(Comparator.comparing(LiveReportsController::open).reversed()).toList();
    }

    /** An agent's row of Chatwoot's live agent metrics. */
    record AgentMetricJson(long id, String name, String email, String thumbnail, String availability, Map<String, Long> metric) {
    }

    private static AgentMetricJson agentRow(AgentView agent, Map<String, Long> metric) {
        return new AgentMetricJson(agent.id(), agent.name(), agent.email(), "", agent.availability().apiName(), metric);
    }

    private static long open(AgentMetricJson row) {
        return row.metric().getOrDefault("open", 0L);
    }
}
