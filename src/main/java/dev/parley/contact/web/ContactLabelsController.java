package dev.parley.contact.web;

import dev.parley.account.Membership;
import dev.parley.contact.ContactLabels;
import dev.parley.contact.ContactQueries;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Chatwoot's contact labels: {payload: [titles]}; POST replaces the whole list. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/contacts/{contactId}/labels")
class ContactLabelsController {

    private final ContactQueries queries;
    private final ContactLabels labels;

    ContactLabelsController(ContactQueries queries, ContactLabels labels) {
        this.queries = queries;
        this.labels = labels;
    }

    record LabelsRequest(List<String> labels) {
    }

    @GetMapping
    Map<String, List<String>> index(Membership me, @PathVariable long contactId) {
        return Map.of("payload", queries.labels(me.accountId(), contactId));
    }

    @PostMapping
    Map<String, List<String>> replace(Membership me, @PathVariable long contactId, @RequestBody LabelsRequest body) {
        return Map.of("payload", labels.replace(me.accountId(), contactId, body.labels(), me.actor()));
    }
}
