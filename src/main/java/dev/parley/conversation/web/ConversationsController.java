package dev.parley.conversation.web;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentJson;
import dev.parley.account.Membership;
import dev.parley.account.TeamJson;
import dev.parley.account.Teams;
import dev.parley.contact.ContactInboxView;
import dev.parley.contact.ContactQueries;
import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationPage;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageInput;
import dev.parley.conversation.NewConversation;
import dev.parley.inbox.InboxQueries;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.JsonIds;
import dev.parley.shared.Timestamps;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chatwoot's conversations API: list with tab counts, create, show, status, priority, labels, attributes, assignments. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/conversations")
class ConversationsController {

    private final ConversationQueries queries;
    private final ConversationManagement management;
    private final ConversationPresenter presenter;
    private final ContactQueries contacts;
    private final InboxQueries inboxes;
    private final AccountQueries accounts;
    private final Teams teams;
    private final List<dev.parley.conversation.ConversationSla> slas;

    ConversationsController(ConversationQueries queries, ConversationManagement management, ConversationPresenter presenter,
                            ContactQueries contacts, InboxQueries inboxes, AccountQueries accounts, Teams teams,
                            List<dev.parley.conversation.ConversationSla> slas) {
        this.slas = slas;
        this.queries = queries;
        this.management = management;
        this.presenter = presenter;
        this.contacts = contacts;
        this.inboxes = inboxes;
        this.accounts = accounts;
        this.teams = teams;
    }

    record InitialMessage(String content) {
    }

    record CreateRequest(String sourceId, Long inboxId, Long contactId, String status, Long assigneeId, Long teamId,
                         Map<String, Object> additionalAttributes, Map<String, Object> customAttributes, InitialMessage message) {
    }

    record StatusRequest(String status, Long snoozedUntil) {
    }

    record PriorityRequest(String priority) {
    }

    record LabelsRequest(List<String> labels) {
    }

    record CustomAttributesRequest(Map<String, Object> customAttributes) {
    }

    @GetMapping
    Map<String, Object> index(Membership me, @RequestParam(required = false) String status,
                              @RequestParam(name = "assignee_type", required = false) String assigneeType,
                              @RequestParam(name = "inbox_id", required = false) Long inboxId,
                              @RequestParam(name = "team_id", required = false) Long teamId,
                              @RequestParam(name = "labels", required = false) List<String> labels,
                              @RequestParam(name = "labels[]", required = false) List<String> labelsArray,
                              @RequestParam(name = "q", required = false) String q,
                              @RequestParam(name = "sort_by", required = false) String sortBy,
                              @RequestParam(name = "conversation_type", required = false) String conversationType,
                              @RequestParam(defaultValue = "1") int page) {
        List<String> chosenLabels = labelsArray != null ? labelsArray : labels;
        ConversationPage result = queries.list(me, new ConversationFilter(status, assigneeType, inboxId, teamId, chosenLabels, q,
                sortBy, page, conversationType));
        return Map.of("data", Map.of("meta", ConversationCountsJson.of(result), "payload", presenter.conversations(result.conversations())));
    }

    record FilterRequest(List<Map<String, Object>> payload) {
    }

    /** Chatwoot's advanced filter: {@code {payload: [{attribute_key, filter_operator, values, query_operator}]}}. */
    @PostMapping("/filter")
    Map<String, Object> filter(Membership me, @RequestBody FilterRequest body, @RequestParam(defaultValue = "1") int page) {
        List<dev.parley.shared.filter.FilterRow> rows = dev.parley.shared.filter.FilterRow.parse(body.payload());
        ConversationPage result = queries.filter(me, rows, page);
        return Map.of("meta", ConversationCountsJson.of(result), "payload", presenter.conversations(result.conversations()));
    }

    @GetMapping("/meta")
    Map<String, Object> meta(Membership me, @RequestParam(required = false) String status,
                             @RequestParam(name = "inbox_id", required = false) Long inboxId) {
        ConversationPage result = queries.list(me, new ConversationFilter(status, "all", inboxId, null, null, null, null, 1));
        return Map.of("meta", ConversationCountsJson.of(result));
    }

    @PostMapping
    @Transactional
    ConversationJson create(Membership me, @RequestBody CreateRequest body) {
        long inboxId;
        long contactId;
        long contactInboxId;
        if (body.sourceId() != null && body.inboxId() != null) {
            ContactInboxView ci = contacts.contactInbox(body.inboxId(), body.sourceId())
                    .orElseThrow(() -> InvalidInput.of("source_id", "does not exist in this inbox"));
            inboxId = ci.inboxId();
            contactId = ci.contactId();
            contactInboxId = ci.id();
        } else {
            var errors = new Errors();
            if (body.inboxId() == null) errors.add("inbox_id", "can't be blank");
            if (body.contactId() == null && body.sourceId() == null) errors.add("contact_id", "can't be blank");
            errors.throwIfAny();
            inboxId = body.inboxId();
            contactId = body.contactId();
            if (contacts.find(me.accountId(), contactId).isEmpty()) throw InvalidInput.of("contact_id", "does not exist");
            inboxes.visible(me, inboxId);
            contactInboxId = management.contactInboxFor(me.accountId(), contactId, inboxId);
        }
        inboxes.visible(me, inboxId);
        ConversationView created = management.create(new NewConversation(me.accountId(), inboxId, contactId, contactInboxId,
                body.status(), body.assigneeId(), body.teamId(), body.additionalAttributes(), body.customAttributes()), me.actor());
        if (body.message() != null && body.message().content() != null && !body.message().content().isBlank()) {
            management.postMessage(me.accountId(), created.displayId(), MessageInput.outgoing(body.message().content()), me.actor());
        }
        return presenter.conversation(queries.find(me.accountId(), created.displayId()).orElseThrow());
    }

    @GetMapping("/{displayId}")
    ConversationJson show(Membership me, @PathVariable long displayId) {
        return presenter.conversation(queries.visible(me, displayId));
    }

    /** Chatwoot's update: {@code priority} and {@code sla_policy_id}, each changed only when given. */
    @PatchMapping("/{displayId}")
    ConversationJson update(Membership me, @PathVariable long displayId, @RequestBody Map<String, Object> body) {
        ConversationView c = queries.visible(me, displayId);
        if (body.containsKey("priority")) {
            Object priority = body.get("priority");
            c = management.changePriority(me.accountId(), displayId, priority == null ? null : priority.toString(), me.actor());
        }
        Long policyId = dev.parley.shared.JsonIds.id("sla_policy_id", body.get("sla_policy_id"));
        if (policyId != null) {
            long conversationId = c.id();
            slas.forEach(s -> s.apply(me.accountId(), conversationId, policyId, me.actor()));
        }
        return presenter.conversation(queries.visible(me, displayId));
    }

    @PutMapping("/{displayId}")
    ConversationJson replace(Membership me, @PathVariable long displayId, @RequestBody Map<String, Object> body) {
        return update(me, displayId, body);
    }

    @PostMapping("/{displayId}/mute")
    Map<String, Object> mute(Membership me, @PathVariable long displayId) {
        queries.visible(me, displayId);
        management.mute(me.accountId(), displayId, me.actor());
        return Map.of();
    }

    @PostMapping("/{displayId}/unmute")
    Map<String, Object> unmute(Membership me, @PathVariable long displayId) {
        queries.visible(me, displayId);
        management.unmute(me.accountId(), displayId, me.actor());
        return Map.of();
    }

    @PostMapping("/{displayId}/toggle_status")
    StatusToggledJson toggleStatus(Membership me, @PathVariable long displayId, @RequestBody(required = false) StatusRequest body) {
        queries.visible(me, displayId);
        String requested = body == null ? null : Errors.blankToNull(body.status());
        new Errors().oneOf("status", requested, ConversationStatus.apiNames()).throwIfAny();
        ConversationStatus to = requested == null ? management.toggledStatus(me.accountId(), displayId)
                : ConversationStatus.fromApi(requested);
        ConversationView c = management.changeStatus(me.accountId(), displayId, to,
                body == null ? null : Timestamps.fromUnix(body.snoozedUntil()), me.actor(), !me.isAdministrator());
        return StatusToggledJson.of(c);
    }

    @PostMapping("/{displayId}/toggle_priority")
    Map<String, Object> togglePriority(Membership me, @PathVariable long displayId, @RequestBody PriorityRequest body) {
        queries.visible(me, displayId);
        management.changePriority(me.accountId(), displayId, body.priority(), me.actor());
        return Map.of();
    }

    @GetMapping("/{displayId}/labels")
    Map<String, Object> labels(Membership me, @PathVariable long displayId) {
        return Map.of("payload", queries.visible(me, displayId).labels());
    }

    @PostMapping("/{displayId}/labels")
    Map<String, Object> replaceLabels(Membership me, @PathVariable long displayId, @RequestBody LabelsRequest body) {
        queries.visible(me, displayId);
        return Map.of("payload", management.replaceLabels(me.accountId(), displayId, body.labels(), me.actor()).labels());
    }

    @PostMapping("/{displayId}/custom_attributes")
    Map<String, Object> customAttributes(Membership me, @PathVariable long displayId, @RequestBody CustomAttributesRequest body) {
        queries.visible(me, displayId);
        return Map.of("custom_attributes",
                management.replaceCustomAttributes(me.accountId(), displayId, body.customAttributes(), me.actor()).customAttributes());
    }

    /** The agents have seen the conversation (its unread count drops to 0). */
    @PostMapping("/{displayId}/update_last_seen")
    Map<String, Object> updateLastSeen(Membership me, @PathVariable long displayId) {
        management.markSeenByAgent(queries.visible(me, displayId).id());
        return Map.of();
    }

    /** Mark unread: the newest customer message counts as unread again. */
    @PostMapping("/{displayId}/unread")
    ConversationJson unread(Membership me, @PathVariable long displayId) {
        management.markUnreadByAgent(queries.visible(me, displayId).id());
        return presenter.conversation(queries.visible(me, displayId));
    }

    /** Chatwoot's {@code typing_status} on | off | recording (recording counts as typing) and {@code is_private}. */
    @PostMapping("/{displayId}/toggle_typing_status")
    Map<String, Object> typing(Membership me, @PathVariable long displayId, @RequestBody(required = false) Map<String, Object> body) {
        queries.visible(me, displayId);
        String status = body == null || body.get("typing_status") == null ? "" : body.get("typing_status").toString();
        new Errors().oneOf("typing_status", status, List.of("on", "off", "recording")).throwIfAny();
        boolean isPrivate = body.get("is_private") instanceof Boolean b ? b : "true".equals(String.valueOf(body.get("is_private")));
        management.typing(me.accountId(), displayId, !"off".equals(status), isPrivate, me.actor());
        return Map.of();
    }

    /** Chatwoot: {@code assignee_id} (null unassigns) or {@code team_id} (null or 0 removes the team). */
    @PostMapping("/{displayId}/assignments")
    Object assign(Membership me, @PathVariable long displayId, @RequestBody Map<String, Object> body) {
        queries.visible(me, displayId);
        if (body.containsKey("assignee_id")) {
            Long assignee = JsonIds.id("assignee_id", body.get("assignee_id"));
            ConversationView c = assignee == null ? management.unassign(me.accountId(), displayId, me.actor())
                    : management.assign(me.accountId(), displayId, assignee, me.actor());
            return c.assigneeId() == null ? null : accounts.agent(me.accountId(), c.assigneeId()).map(AgentJson::of).orElse(null);
        }
        if (body.containsKey("team_id")) {
            Long team = JsonIds.id("team_id", body.get("team_id"));
            ConversationView c = management.assignTeam(me.accountId(), displayId, team == null || team == 0 ? null : team, me.actor());
            return c.teamId() == null ? null : teams.find(me.accountId(), c.teamId()).map(t -> TeamJson.of(t, false)).orElse(null);
        }
        throw InvalidInput.of("assignee_id", "or team_id must be given");
    }
}
