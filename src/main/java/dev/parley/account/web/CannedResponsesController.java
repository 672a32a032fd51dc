package dev.parley.account.web;

import dev.parley.account.CannedResponseView;
import dev.parley.account.CannedResponses;
import dev.parley.account.Membership;
import dev.parley.shared.AdministratorOnly;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chatwoot's canned responses: every member reads (with {@code search}); administrators write. The body
 * is flat or wrapped in {@code canned_response}, as Chatwoot's clients send it.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/canned_responses")
class CannedResponsesController {

    private final CannedResponses responses;

    CannedResponsesController(CannedResponses responses) {
        this.responses = responses;
    }

    record CannedResponseRequest(String shortCode, String content, CannedResponseRequest cannedResponse) {
        CannedResponseRequest fields() {
            return cannedResponse != null ? cannedResponse : this;
        }
    }

    @GetMapping
    List<CannedResponseView> index(Membership me, @RequestParam(required = false) String search) {
        return responses.search(me.accountId(), search);
    }

    @GetMapping("/{id}")
    CannedResponseView show(Membership me, @PathVariable long id) {
        return responses.get(me.accountId(), id);
    }

    @PostMapping
    @AdministratorOnly
    CannedResponseView create(Membership me, @RequestBody CannedResponseRequest body) {
        return responses.create(me.accountId(), body.fields().shortCode(), body.fields().content());
    }

    @PatchMapping("/{id}")
    @AdministratorOnly
    CannedResponseView update(Membership me, @PathVariable long id, @RequestBody CannedResponseRequest body) {
        return responses.update(me.accountId(), id, body.fields().shortCode(), body.fields().content());
    }

    @PutMapping("/{id}")
    @AdministratorOnly
    CannedResponseView replace(Membership me, @PathVariable long id, @RequestBody CannedResponseRequest body) {
        return update(me, id, body);
    }

    @DeleteMapping("/{id}")
    @AdministratorOnly
    Map<String, Object> delete(Membership me, @PathVariable long id) {
        responses.delete(me.accountId(), id);
        return Map.of();
    }
}
