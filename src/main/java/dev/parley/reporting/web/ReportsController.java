package dev.parley.reporting.web;

import dev.parley.account.AccountQueries;
import dev.parley.account.Labels;
import dev.parley.account.Membership;
import dev.parley.account.Teams;
import dev.parley.inbox.InboxQueries;
import dev.parley.reporting.CsvCell;
import dev.parley.reporting.Range;
import dev.parley.reporting.ReportQueries;
import dev.parley.reporting.Scope;
import dev.parley.shared.AdministratorOnly;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chatwoot's v2 reports: summary, time series, summary reports and CSV downloads (administrators only). */
@RestController
@AdministratorOnly
class ReportsController {

    private static final List<String> GROUPS = List.of("hour", "day", "week", "month", "year");

    private final ReportQueries reports;
    private final AccountQueries accounts;
    private final InboxQueries inboxes;
    private final Teams teams;
    private final Labels labels;
    private final Clock clock;

    ReportsController(ReportQueries reports, AccountQueries accounts, InboxQueries inboxes, Teams teams, Labels labels, Clock clock) {
        this.reports = reports;
        this.accounts = accounts;
        this.inboxes = inboxes;
        this.teams = teams;
        this.labels = labels;
        this.clock = clock;
    }

    @GetMapping("/api/v2/accounts/{accountId}/reports/summary")
    Map<String, Object> summary(Membership me, @RequestParam(defaultValue = "account") String type, @RequestParam(required = false) Long id,
                                @RequestParam(required = false) Long since, @RequestParam(required = false) Long until, @RequestParam(name = "business_hours", defaultValue = "false") boolean businessHours) {
        return reports.summary(me.accountId(), scope(me, type, id), range(since, until).inBusinessHours(businessHours));
    }

    @GetMapping("/api/v2/accounts/{accountId}/reports")
    List<Map<String, Object>> timeSeries(Membership me, @RequestParam String metric, @RequestParam(defaultValue = "account") String type,
                                         @RequestParam(required = false) Long id, @RequestParam(required = false) Long since,
                                         @RequestParam(required = false) Long until, @RequestParam(name = "group_by", defaultValue = "day") String groupBy,
                                         @RequestParam(name = "timezone_offset", defaultValue = "0") double timezoneOffset, @RequestParam(name = "business_hours", defaultValue = "false") boolean businessHours) {
        new Errors().oneOf("metric", metric, ReportQueries.METRICS).oneOf("group_by", groupBy, GROUPS).throwIfAny();
        if (Math.abs(timezoneOffset) > 14) throw InvalidInput.of("timezone_offset", "must be between -14 and 14 hours");
        Range range = range(since, until).inBusinessHours(businessHours);
        if ("hour".equals(groupBy) && range.until().getEpochSecond() - range.since().getEpochSecond() > 31L * 24 * 3600) {
            throw InvalidInput.of("group_by", "hour is available for ranges up to 31 days");
        }
        return reports.timeSeries(me.accountId(), scope(me, type, id), range, metric, groupBy, timezoneOffset);
    }

    @GetMapping("/api/v2/accounts/{accountId}/summary_reports/{type}")
    List<Map<String, Object>> summaryReport(Membership me, @PathVariable String type, @RequestParam(required = false) Long since,
                                            @RequestParam(required = false) Long until, @RequestParam(name = "business_hours", defaultValue = "false") boolean businessHours) {
        return reports.summaryReport(me.accountId(), scopeType(type), range(since, until).inBusinessHours(businessHours),
                subjects(me, scopeType(type)));
    }

    @GetMapping(value = "/api/v2/accounts/{accountId}/reports/{plural:agents|inboxes|teams|labels}")
    ResponseEntity<String> csv(Membership me, @PathVariable String plural, @RequestParam(required = false) Long since,
                               @RequestParam(required = false) Long until, @RequestParam(name = "business_hours", defaultValue = "false") boolean businessHours) {
        String type = switch (plural) {
            case "agents" -> "agent";
            case "inboxes" -> "inbox";
            case "teams" -> "team";
            default -> "label";
        };
        var rows = reports.summaryReport(me.accountId(), type, range(since, until).inBusinessHours(businessHours), subjects(me, type));
        var names = subjects(me, type);
        var csv = new StringBuilder(Character.toUpperCase(type.charAt(0)) + type.substring(1)
                + " name,Conversations count,Resolved conversations count,Avg first response time (seconds),Avg resolution time (seconds),Avg reply time (seconds)\n");
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            csv.append(CsvCell.quoted(names.get(i).getValue())).append(',').append(row.get("conversations_count")).append(',')
                    .append(row.get("resolved_conversations_count")).append(',').append(row.get("avg_first_response_time")).append(',')
                    .append(row.get("avg_resolution_time")).append(',').append(row.get("avg_reply_time")).append('\n');
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
                .header("Content-Disposition", "attachment; filename=" + plural + "_report.csv").body(csv.toString());
    }

    private List<Map.Entry<Long, String>> subjects(Membership me, String type) {
        long a = me.accountId();
        return switch (type) {
            case "agent" -> accounts.agents(a).stream().map(x -> (Map.Entry<Long, String>) new SimpleEntry<>(x.id(), x.availableName())).toList();
            case "inbox" -> inboxes.visibleTo(me).stream().map(x -> (Map.Entry<Long, String>) new SimpleEntry<>(x.id(), x.name())).toList();
            case "team" -> teams.all(a).stream().map(x -> (Map.Entry<Long, String>) new SimpleEntry<>(x.id(), x.name())).toList();
            default -> labels.all(a).stream().map(x -> (Map.Entry<Long, String>) new SimpleEntry<>(x.id(), x.title())).toList();
        };
    }

    private Scope scope(Membership me, String type, Long id) {
        String t = scopeType(type);
        if ("account".equals(t)) return new Scope(t, null, null);
        if (id == null) throw InvalidInput.of("id", "can't be blank for type " + t);
        long a = me.accountId();
        switch (t) {
            case "agent" -> accounts.agent(a, id).orElseThrow(() -> InvalidInput.of("id", "is not an agent of this account"));
            case "inbox" -> inboxes.find(a, id).orElseThrow(() -> InvalidInput.of("id", "is not an inbox of this account"));
            case "team" -> teams.find(a, id).orElseThrow(() -> InvalidInput.of("id", "is not a team of this account"));
            default -> {
                return new Scope(t, id, labels.all(a).stream().filter(l -> l.id() == id).findFirst()
                        .orElseThrow(() -> InvalidInput.of("id", "is not a label of this account")).title());
            }
        }
        return new Scope(t, id, null);
    }

    private static String scopeType(String type) {
        new Errors().oneOf("type", type, Scope.TYPES).throwIfAny();
        return type;
    }

    /** Unix seconds [since, until); missing ones default to the last 7 days. */
    private Range range(Long since, Long until) {
        Instant end = until == null ? clock.instant() : Instant.ofEpochSecond(until);
        Instant start = since == null ? ReportQueries.lastWeek(end).since() : Instant.ofEpochSecond(since);
        if (!start.isBefore(end)) throw InvalidInput.of("since", "must be before until");
        return new Range(start, end);
    }
}
