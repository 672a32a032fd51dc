package dev.parley.widget.web;

import dev.parley.conversation.ConversationView;
import dev.parley.shared.Errors;
import dev.parley.widget.application.Visitor;
import dev.parley.widget.application.VisitorConversations;
import dev.parley.widget.application.VisitorIdentity;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** The visitor's conversation: Chatwoot's widget {@code conversations} endpoints, always on the visitor's own latest one. */
@RestController
@RequestMapping("/api/v1/widget/conversations")
class WidgetConversationsController {

    private final VisitorConversations conversations;
    private final WidgetPresenter presenter;

    WidgetConversationsController(VisitorConversations conversations, WidgetPresenter presenter) {
        this.conversations = conversations;
        this.presenter = presenter;
    }

    record ContactPart(String name, String email, String phoneNumber, Map<String, Object> customAttributes) {
    }

    record MessagePart(String content, String echoId, String refererUrl, Object timestamp, Long replyTo) {
        VisitorConversations.Outgoing outgoing() {
            return new VisitorConversations.Outgoing(content, echoId, refererUrl, timestamp, replyTo);
        }
    }

    record CreateRequest(ContactPart contact, MessagePart message, Map<String, Object> customAttributes) {
    }

    record TypingRequest(String typingStatus) {
    }

    record AttributesRequest(Map<String, Object> customAttributes, Object customAttribute) {
        List<String> keys() {
            Object value = customAttribute != null ? customAttribute : customAttributes == null ? null : customAttributes.keySet();
            if (value instanceof java.util.Collection<?> many) return many.stream().map(String::valueOf).toList();
            return value == null ? List.of() : List.of(value.toString());
        }
    }

    @GetMapping
    Object index(Visitor visitor) {
        return presenter.summary(conversations.current(visitor).orElse(null));
    }

    @PostMapping
    WidgetConversationJson create(Visitor visitor, @RequestBody CreateRequest body) {
        MessagePart message = body.message() == null ? new MessagePart(null, null, null, null, null) : body.message();
        new Errors().requireText("message.content", message.content()).throwIfAny();
        ContactPart c = body.contact();
        VisitorIdentity.Claim claim = c == null ? null : new VisitorIdentity.Claim(null, null, c.email(), c.name(), c.phoneNumber(),
                c.customAttributes());
        return presenter.conversation(conversations.start(visitor, claim, message.outgoing(), body.customAttributes(), List.of()));
    }

    @PostMapping("/toggle_typing")
    ResponseEntity<Void> toggleTyping(Visitor visitor, @RequestBody TypingRequest body) {
        new Errors().oneOf("typing_status", body.typingStatus() == null ? "" : body.typingStatus(), List.of("on", "off")).throwIfAny();
        conversations.typing(visitor, "on".equals(body.typingStatus()));
        return ResponseEntity.ok().build();
    }

    @PostMapping("/update_last_seen")
    ResponseEntity<Void> updateLastSeen(Visitor visitor) {
        conversations.seen(visitor);
        return ResponseEntity.ok().build();
    }

    /** Ends the conversation (the widget's "end conversation"), when the inbox offers it. */
    @RequestMapping(path = "/toggle_status", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<Void> toggleStatus(Visitor visitor) {
        if (!visitor.channel().feature("end_conversation")) return ResponseEntity.status(403).build();
        conversations.resolve(visitor);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/set_custom_attributes")
    Map<String, Object> setCustomAttributes(Visitor visitor, @RequestBody AttributesRequest body) {
        ConversationView c = conversations.setCustomAttributes(visitor, body.customAttributes());
        return Map.of("id", c.displayId(), "custom_attributes", c.customAttributes());
    }

    @PostMapping("/destroy_custom_attributes")
    Map<String, Object> destroyCustomAttributes(Visitor visitor, @RequestBody AttributesRequest body) {
        ConversationView c = conversations.removeCustomAttribute(visitor, body.keys());
        return Map.of("id", c.displayId(), "custom_attributes", c.customAttributes());
    }
}
