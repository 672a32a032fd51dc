package dev.parley.conversation.web;

import dev.parley.conversation.MessageJson;
import dev.parley.account.Membership;
import dev.parley.contact.ContactJson;
import dev.parley.contact.ContactQueries;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageInput;
import dev.parley.shared.Timestamps;
import dev.parley.attachment.Upload;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Messages of a conversation: list (20 at a time, before/after an id), post (reply, note, incoming), delete. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/conversations/{displayId}/messages")
class MessagesController {

    private final ConversationQueries queries;
    private final ConversationManagement management;
    private final ConversationPresenter presenter;
    private final ContactQueries contacts;

    MessagesController(ConversationQueries queries, ConversationManagement management, ConversationPresenter presenter,
                       ContactQueries contacts) {
        this.queries = queries;
        this.management = management;
        this.presenter = presenter;
        this.contacts = contacts;
    }

    record MessageRequest(String content, String messageType, Boolean isPrivate, @com.fasterxml.jackson.annotation.JsonProperty("private") Boolean privateFlag,
                          String contentType, Map<String, Object> contentAttributes, String echoId, String sourceId, Object ccEmails,
                          Object bccEmails) {
        MessageInput input() {
            boolean note = Boolean.TRUE.equals(privateFlag) || Boolean.TRUE.equals(isPrivate);
            return new MessageInput(content, messageType, note, contentType, withCopies(), echoId, sourceId);
        }

        /** Chatwoot keeps the reply box's cc_emails / bcc_emails (for email inboxes) in the message's content attributes. */
        private Map<String, Object> withCopies() {
            if (blank(ccEmails) && blank(bccEmails)) return contentAttributes;
            var attributes = new LinkedHashMap<String, Object>(contentAttributes == null ? Map.of() : contentAttributes);
            if (!blank(ccEmails)) attributes.put("cc_emails", ccEmails);
            if (!blank(bccEmails)) attributes.put("bcc_emails", bccEmails);
            return attributes;
        }

        private static boolean blank(Object value) {
            return value == null || String.valueOf(value).isBlank();
        }
    }

    @GetMapping
    Map<String, Object> index(Membership me, @PathVariable long displayId, @RequestParam(required = false) Long before,
                              @RequestParam(required = false) Long after) {
        ConversationView c = queries.visible(me, displayId);
        var meta = new LinkedHashMap<String, Object>();
        meta.put("labels", c.labels());
        meta.put("additional_attributes", c.additionalAttributes());
        meta.put("contact", contacts.find(c.accountId(), c.contactId()).map(ContactJson::of).orElse(null));
        meta.put("assignee", presenter.conversation(c).meta().assignee());
        meta.put("agent_last_seen_at", Timestamps.unix(c.agentLastSeenAt()));
        meta.put("assignee_last_seen_at", Timestamps.unix(c.agentLastSeenAt()));
        return Map.of("meta", meta, "payload", presenter.messages(queries.messages(c.id(), before, after, false), c));
    }

    /** JSON, a form, or Chatwoot's multipart form: the text fields in the body, the files as {@code attachments[]} parts. */
    @PostMapping
    MessageJson create(Membership me, @PathVariable long displayId, @RequestBody MessageRequest body,
                       @RequestParam(name = "attachments[]", required = false) List<MultipartFile> files) {
        return post(me, displayId, body, files);
    }

    private MessageJson post(Membership me, long displayId, MessageRequest body, List<MultipartFile> files) {
        queries.visible(me, displayId);
        List<Upload> uploads = files == null ? List.of() : files.stream().map(Upload::of).toList();
        var message = management.postMessage(me.accountId(), displayId, body.input(), uploads, me.actor());
        return presenter.message(message, queries.find(me.accountId(), displayId).orElseThrow());
    }

    record MessageStatusRequest(String status, String externalError) {
    }

    @org.springframework.web.bind.annotation.PatchMapping("/{messageId}")
    MessageJson update(Membership me, @PathVariable long displayId, @PathVariable long messageId, @RequestBody MessageStatusRequest body) {
        ConversationView c = queries.visible(me, displayId);
        return presenter.message(management.updateMessageStatus(me.accountId(), displayId, messageId, body.status(),
                body.externalError(), me.actor()), c);
    }

    @DeleteMapping("/{messageId}")
    MessageJson delete(Membership me, @PathVariable long displayId, @PathVariable long messageId) {
        ConversationView c = queries.visible(me, displayId);
        return presenter.message(management.deleteMessage(me.accountId(), displayId, messageId, me.actor()), c);
    }
}
