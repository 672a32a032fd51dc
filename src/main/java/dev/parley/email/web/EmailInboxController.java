package dev.parley.email.web;

import dev.parley.account.Membership;
import dev.parley.email.application.ConnectionCheck;
import dev.parley.email.application.EmailInboxChannel;
import dev.parley.email.persistence.ReceivedMailRepository;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.shared.AdministratorOnly;
import dev.parley.shared.ResourceNotFound;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators' tools for an email inbox: test the connection, and the mail that could not be imported (raw). */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/inboxes/{inboxId}/email")
class EmailInboxController {

    private final InboxQueries inboxes;
    private final ConnectionCheck connections;
    private final ReceivedMailRepository received;

    EmailInboxController(InboxQueries inboxes, ConnectionCheck connections, ReceivedMailRepository received) {
        this.inboxes = inboxes;
        this.connections = connections;
        this.received = received;
    }

    @PostMapping("/test_connection")
    @AdministratorOnly
    Map<String, List<ConnectionCheck.Result>> testConnection(Membership me, @PathVariable long inboxId) {
        return Map.of("payload", connections.check(emailInbox(me, inboxId)));
    }

    @GetMapping("/failed")
    @AdministratorOnly
    Map<String, List<ReceivedMailRepository.FailedMail>> failed(Membership me, @PathVariable long inboxId) {
        return Map.of("payload", received.notImported(emailInbox(me, inboxId).id()));
    }

    @GetMapping("/failed/{id}/raw")
    @AdministratorOnly
    ResponseEntity<byte[]> raw(Membership me, @PathVariable long inboxId, @PathVariable long id) {
        byte[] raw = received.raw(emailInbox(me, inboxId).id(), id).orElseThrow(() -> new ResourceNotFound("Mail"));
        return ResponseEntity.ok().header("Content-Type", "message/rfc822")
                .header("Content-Disposition", "attachment; filename=\"mail-" + id + ".eml\"").body(raw);
    }

    private InboxView emailInbox(Membership me, long inboxId) {
        InboxView inbox = inboxes.get(me.accountId(), inboxId);
        if (!EmailInboxChannel.CHANNEL_TYPE.equals(inbox.channelType())) throw new ResourceNotFound("Inbox");
        return inbox;
    }
}
