package dev.parley.contact.web;

import dev.parley.account.Membership;
import dev.parley.contact.ContactJson;
import dev.parley.contact.ContactQueries;
import dev.parley.shared.filter.FilterRow;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chatwoot's advanced contact filter: {payload: [rows]} in, the contact list's {meta, payload} out. */
@RestController
class ContactFilterController {

    private final ContactQueries queries;

    ContactFilterController(ContactQueries queries) {
        this.queries = queries;
    }

    record FilterRequest(Object payload) {
    }

    @PostMapping("/api/v1/accounts/{accountId}/contacts/filter")
    Map<String, Object> filter(Membership me, @RequestBody FilterRequest body, @RequestParam(defaultValue = "1") int page) {
        var found = queries.filter(me.accountId(), FilterRow.parse(body.payload()), page);
        return Map.of("meta", Map.of("count", found.count(), "current_page", Math.max(page, 1)),
                "payload", found.page().stream().map(ContactJson::of).toList());
    }
}
