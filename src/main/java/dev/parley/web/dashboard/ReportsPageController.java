package dev.parley.web.dashboard;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.account.Membership;
import dev.parley.reporting.CsvCell;
import dev.parley.reporting.Range;
import dev.parley.reporting.ReportQueries;
import dev.parley.reporting.Scope;
import dev.parley.shared.NotAuthorized;
import dev.parley.web.DashboardUser;
import java.time.Clock;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Reports for administrators: the overview with the previous period, the agents table, a conversations chart, CSV. */
@Controller
class ReportsPageController {

    private final DashboardContext context;
    private final ReportQueries reports;
    private final AccountQueries accounts;
    private final Clock clock;

    ReportsPageController(DashboardContext context, ReportQueries reports, AccountQueries accounts, Clock clock) {
        this.context = context;
        this.reports = reports;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/app/accounts/{accountId}/reports")
    String page(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(defaultValue = "7") int days,
                @RequestParam(name = "business_hours", defaultValue = "false") boolean businessHours, Model model) {
        Membership me = context.administrator(user, accountId);
        Range range = range(days).inBusinessHours(businessHours);
        model.addAttribute("businessHours", businessHours);
        Map<String, Object> summary = reports.summary(accountId, new Scope("account", null, null), range);
        model.addAttribute("me", me);
        model.addAttribute("accountId", accountId);
        model.addAttribute("days", days);
        model.addAttribute("summary", ReportFigures.shown(summary));
        @SuppressWarnings("unchecked")
        Map<String, Object> previous = (Map<String, Object>) summary.get("previous");
        model.addAttribute("previous", ReportFigures.shown(previous));
        model.addAttribute("agents", agentRows(accountId, range).stream().map(ReportFigures::shown).toList());
        model.addAttribute("series", reports.timeSeries(accountId, new Scope("account", null, null), range, "conversations_count", "day", 0));
        return "app/reports";
    }

    @GetMapping("/app/accounts/{accountId}/reports/agents.csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(defaultValue = "7") int days,
                               @RequestParam(name = "business_hours", defaultValue = "false") boolean businessHours) {
        context.administrator(user, accountId);
        StringBuilder csv = new StringBuilder("Agent name,Conversations count,Resolved conversations count,Avg first response time (seconds),"
                + "Avg resolution time (seconds),Avg reply time (seconds)\n");
        for (Map<String, Object> row : agentRows(accountId, range(days).inBusinessHours(businessHours))) {
            csv.append(CsvCell.quoted(String.valueOf(row.get("name")))).append(',')
                    .append(row.get("conversations_count")).append(',').append(row.get("resolved_conversations_count")).append(',')
                    .append(row.get("avg_first_response_time")).append(',').append(row.get("avg_resolution_time")).append(',')
                    .append(row.get("avg_reply_time")).append('\n');
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv")).header("Content-Disposition", "attachment; filename=agents_report.csv")
                .body(csv.toString());
    }

    private List<Map<String, Object>> agentRows(long accountId, Range range) {
        List<AgentView> agents = accounts.agents(accountId);
        List<Map.Entry<Long, String>> subjects = agents.stream().map(a -> (Map.Entry<Long, String>) new SimpleEntry<>(a.id(), a.availableName())).toList();
        List<Map<String, Object>> rows = reports.summaryReport(accountId, "agent", range, subjects);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            row.put("name", subjects.get(i).getValue());
            row.replaceAll((k, v) -> v instanceof Double d ? Math.round(d) : v instanceof java.math.BigDecimal b ? Math.round(b.doubleValue()) : v);
        }
        return rows;
    }

    private Range range(int days) {
        int span = Math.max(1, Math.min(days, 365));
        return new Range(clock.instant().minus(Duration.ofDays(span)), clock.instant().plusSeconds(1));
    }
}
