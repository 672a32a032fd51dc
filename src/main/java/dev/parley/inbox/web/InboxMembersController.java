package dev.parley.inbox.web;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentJson;
import dev.parley.account.Membership;
import dev.parley.inbox.InboxManagement;
import dev.parley.inbox.InboxQueries;
import dev.parley.shared.AdministratorOnly;
import dev.parley.shared.InvalidInput;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Chatwoot's inbox members API: list, add, replace and remove the agents of an inbox. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/inbox_members")
class InboxMembersController {

    private final InboxQueries queries;
    private final InboxManagement management;
    private final AccountQueries accounts;

    InboxMembersController(InboxQueries queries, InboxManagement management, AccountQueries accounts) {
        this.queries = queries;
        this.management = management;
        this.accounts = accounts;
    }

    record MembersRequest(Long inboxId, List<Long> userIds) {
        long inbox() {
            if (inboxId == null) throw InvalidInput.of("inbox_id", "can't be blank");
            return inboxId;
        }
    }

    @GetMapping("/{inboxId}")
    Map<String, List<AgentJson>> show(Membership me, @PathVariable long inboxId) {
        queries.visible(me, inboxId);
        return members(me, inboxId);
    }

    @PostMapping
    @AdministratorOnly
    Map<String, List<AgentJson>> add(Membership me, @RequestBody MembersRequest body) {
        management.addMembers(me.accountId(), body.inbox(), body.userIds(), me.actor());
        return members(me, body.inbox());
    }

    @PatchMapping
    @AdministratorOnly
    Map<String, List<AgentJson>> replace(Membership me, @RequestBody MembersRequest body) {
        management.replaceMembers(me.accountId(), body.inbox(), body.userIds(), me.actor());
        return members(me, body.inbox());
    }

    @DeleteMapping
    @AdministratorOnly
    Map<String, Object> remove(Membership me, @RequestBody MembersRequest body) {
        management.removeMembers(me.accountId(), body.inbox(), body.userIds(), me.actor());
        return Map.of();
    }

    private Map<String, List<AgentJson>> members(Membership me, long inboxId) {
        return Map.of("payload", queries.memberIds(inboxId).stream()
                .flatMap(u -> accounts.agent(me.accountId(), u).stream()).map(AgentJson::of).toList());
    }
}
