package dev.parley.widget.web;

import dev.parley.account.AccountQueries;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.inbox.WebWidgetChannel;
import dev.parley.shared.ResourceNotFound;
import dev.parley.widget.application.Visitors;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/widget/inbox_members}: the inbox's agents as the widget shows them (name, avatar, availability). */
@RestController
class WidgetInboxMembersController {

    private final Visitors visitors;
    private final InboxQueries inboxes;
    private final AccountQueries accounts;

    WidgetInboxMembersController(Visitors visitors, InboxQueries inboxes, AccountQueries accounts) {
        this.visitors = visitors;
        this.inboxes = inboxes;
        this.accounts = accounts;
    }

    /** An agent of the inbox as the widget shows it: name, avatar and availability. */
    record Member(String name, String avatarUrl, String availabilityStatus) {
    }

    @GetMapping("/api/v1/widget/inbox_members")
    Map<String, Object> index(@RequestParam(name = VisitorArguments.WEBSITE_TOKEN, required = false) String websiteToken) {
        WebWidgetChannel channel = visitors.channel(websiteToken);
        InboxView inbox = inboxes.byId(channel.inboxId()).orElseThrow(() -> new ResourceNotFound("Web widget"));
        List<Member> members = inboxes.memberIds(inbox.id()).stream()
                .flatMap(id -> accounts.agent(inbox.accountId(), id).stream())
                .map(a -> new Member(a.availableName(), "", a.availability().apiName())).toList();
        return Map.of("payload", members);
    }
}
