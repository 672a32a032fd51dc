package dev.parley.conversation.web;

import dev.parley.account.Membership;
import dev.parley.contact.ContactJson;
import dev.parley.conversation.ContactMerge;
import dev.parley.shared.Errors;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/accounts/{a}/actions/contact_merge} with {@code base_contact_id} and {@code mergee_contact_id}:
 * answers the base contact as it is after the merge. Agents may merge as administrators may (Chatwoot's controller
 * checks no role). A contact of another account is not found.
 */
@RestController
class ContactMergeController {

    private final ContactMerge merge;

    ContactMergeController(ContactMerge merge) {
        this.merge = merge;
    }

    record MergeRequest(Long baseContactId, Long mergeeContactId) {
    }

    @PostMapping("/api/v1/accounts/{accountId}/actions/contact_merge")
    ContactJson merge(Membership me, @RequestBody MergeRequest body) {
        var errors = new Errors();
        if (body.baseContactId() == null) errors.add("base_contact_id", "can't be blank");
        if (body.mergeeContactId() == null) errors.add("mergee_contact_id", "can't be blank");
        errors.throwIfAny();
        return ContactJson.of(merge.merge(me.accountId(), body.baseContactId(), body.mergeeContactId(), me.actor()));
    }
}
