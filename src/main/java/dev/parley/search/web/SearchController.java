package dev.parley.search.web;

import dev.parley.account.Membership;
import dev.parley.search.Search;
import dev.parley.search.SearchKind;
import dev.parley.search.SearchResults;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chatwoot's search API: {@code /search} answers all three kinds, the others one each; {@code q} and {@code page}. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/search")
class SearchController {

    private final Search search;

    SearchController(Search search) {
        this.search = search;
    }

    @GetMapping
    Map<String, Object> all(Membership me, @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page) {
        return answer(search.find(me, SearchKind.ALL, q, page), SearchKind.ALL);
    }

    @GetMapping("/conversations")
    Map<String, Object> conversations(Membership me, @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page) {
        return answer(search.find(me, SearchKind.CONVERSATIONS, q, page), SearchKind.CONVERSATIONS);
    }

    @GetMapping("/contacts")
    Map<String, Object> contacts(Membership me, @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page) {
        return answer(search.find(me, SearchKind.CONTACTS, q, page), SearchKind.CONTACTS);
    }

    @GetMapping("/messages")
    Map<String, Object> messages(Membership me, @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page) {
        return answer(search.find(me, SearchKind.MESSAGES, q, page), SearchKind.MESSAGES);
    }

    /** {@code {payload: {conversations, contacts, messages}}} with the kinds asked for, in Chatwoot's order. */
    private static Map<String, Object> answer(SearchResults found, SearchKind kind) {
        var payload = new LinkedHashMap<String, Object>();
        if (kind.includes(SearchKind.CONVERSATIONS)) {
            payload.put("conversations", found.conversations().stream().map(c -> SearchJson.conversation(c, found)).toList());
        }
        if (kind.includes(SearchKind.CONTACTS)) {
            payload.put("contacts", found.contacts().stream().map(SearchJson::contact).toList());
        }
        if (kind.includes(SearchKind.MESSAGES)) {
            payload.put("messages", found.messages().stream().map(m -> SearchJson.message(m, found)).toList());
        }
        return Map.of("payload", payload);
    }
}
