package dev.parley.widget.web;

import dev.parley.attachment.Upload;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageView;
import dev.parley.shared.Errors;
import dev.parley.widget.application.Visitor;
import dev.parley.widget.application.VisitorConversations;
import dev.parley.widget.application.VisitorIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The messages of the visitor's conversation: list (20 before {@code before}, oldest first; private notes and activity
 * lines never), send (JSON or multipart with {@code message[attachments][]} files), and a form's answer.
 */
@RestController
@RequestMapping("/api/v1/widget/messages")
class WidgetMessagesController {

    private final VisitorConversations conversations;
    private final ConversationQueries queries;
    private final WidgetPresenter presenter;
    private final VisitorIdentity identity;

    WidgetMessagesController(VisitorConversations conversations, ConversationQueries queries, WidgetPresenter presenter,
                             VisitorIdentity identity) {
        this.conversations = conversations;
        this.queries = queries;
        this.presenter = presenter;
        this.identity = identity;
    }

    record CreateRequest(WidgetConversationsController.MessagePart message) {
    }

    /** Chatwoot's update: {@code {message: {submitted_values}}}, or {@code {contact: {email}}} for an email-input message. */
    record UpdateRequest(Map<String, Object> message, Map<String, Object> contact) {
        @SuppressWarnings("unchecked")
        List<Object> submittedValues() {
            if (message != null && message.get("submitted_values") instanceof List<?> list) return (List<Object>) list;
            if (contact != null && contact.get("email") != null) {
                return List.of(Map.of("name", "email", "value", contact.get("email").toString()));
            }
            return List.of();
        }
    }

    @GetMapping
    List<WidgetMessageJson> index(Visitor visitor, @RequestParam(required = false) Long before,
                                  @RequestParam(required = false) Long after) {
        ConversationView c = conversations.current(visitor).orElse(null);
        if (c == null) return List.of();
        return presenter.messages(queries.messages(c.id(), before, after, true), c);
    }

    @PostMapping
    WidgetMessageJson create(Visitor visitor, @RequestBody CreateRequest body,
                             @RequestParam(name = "message[attachments][]", required = false) List<MultipartFile> files,
                             @RequestParam(name = "message[attachments]", required = false) List<MultipartFile> single) {
        var message = body.message() == null ? new WidgetConversationsController.MessagePart(null, null, null, null, null) : body.message();
        List<Upload> uploads = new ArrayList<>();
        if (files != null) files.stream().map(Upload::of).forEach(uploads::add);
        if (single != null) single.stream().map(Upload::of).forEach(uploads::add);
        if (uploads.isEmpty()) new Errors().requireText("message.content", message.content()).throwIfAny();
        MessageView m = conversations.write(visitor, message.outgoing(), uploads);
        return presenter.message(m, queries.findById(m.conversationId()).orElseThrow());
    }

    @PatchMapping("/{id}")
    WidgetMessageJson update(Visitor visitor, @PathVariable long id, @RequestBody UpdateRequest body) {
        if (body.contact() != null && body.contact().get("email") != null) {
            identity.identify(visitor, new VisitorIdentity.Claim(null, null, body.contact().get("email").toString(), null, null, null), false);
        }
        MessageView m = conversations.submit(visitor, id, body.submittedValues());
        return presenter.message(m, queries.findById(m.conversationId()).orElseThrow());
    }
}
