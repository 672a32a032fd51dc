package dev.parley.search.web;

import dev.parley.account.Membership;
import dev.parley.search.Search;
import dev.parley.search.SearchKind;
import dev.parley.search.SearchResults;
import java.util.List;
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
    /** Chatwoot's search payload: only the kinds searched for. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record SearchPayload(List<SearchJson.Conversation> conversations, List<SearchJson.Contact> contacts, List<SearchJson.Message> messages) {
    }

    private static Map<String, Object> answer(SearchResults found, SearchKind kind) {
        return Map.of("payload", new SearchPayload(
                kind.includes(SearchKind.CONVERSATIONS) ? found.conversations().stream().map(c -> SearchJson.conversation(c, found)).toList() : null,
                kind.includes(SearchKind.CONTACTS) ? found.contacts().stream().map(SearchJson::contact).toList() : null,
                kind.includes(SearchKind.MESSAGES) ? found.messages().stream().map(m -> SearchJson.message(m, found)).toList() : null));
    }
}
