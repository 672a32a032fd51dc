package dev.parley.widget.web;

import dev.parley.account.Labels;
import dev.parley.widget.application.Visitor;
import dev.parley.widget.application.VisitorConversations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code $chatwoot.setLabel / removeLabel}: labels the account defines, on the visitor's current conversation. */
@RestController
@RequestMapping("/api/v1/widget/labels")
class WidgetLabelsController {

    private final VisitorConversations conversations;
    private final Labels labels;

    WidgetLabelsController(VisitorConversations conversations, Labels labels) {
        this.conversations = conversations;
        this.labels = labels;
    }

    record LabelRequest(String label) {
    }

    @PostMapping
    ResponseEntity<Void> create(Visitor visitor, @RequestBody LabelRequest body) {
        if (body.label() != null && labels.all(visitor.accountId()).stream().anyMatch(l -> l.title().equalsIgnoreCase(body.label().trim()))) {
            conversations.addLabel(visitor, body.label().trim());
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{label}")
    ResponseEntity<Void> destroy(Visitor visitor, @PathVariable String label) {
        conversations.removeLabel(visitor, label);
        return ResponseEntity.noContent().build();
    }
}
