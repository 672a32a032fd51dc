package dev.parley.automation.application;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.automation.domain.LiquidSandbox;
import dev.parley.contact.ContactQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.inbox.InboxQueries;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders Liquid in rule messages ({{contact.name}}, {{conversation.display_id}}, {{agent.name}}, {{inbox.name}},
 * {{account.name}}) in the {@link LiquidSandbox}: no file access, bounded time and size; a refused template throws
 * {@link LiquidSandbox.TemplateRefused}.
 */
@Component
public class Templates {

    private final LiquidSandbox sandbox = new LiquidSandbox();
    private final ContactQueries contacts;
    private final AccountQueries accounts;
    private final InboxQueries inboxes;

    Templates(ContactQueries contacts, AccountQueries accounts, InboxQueries inboxes) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.inboxes = inboxes;
    }

    String render(String text, ConversationView c) {
        if (text == null || !text.contains("{")) return text;
        return sandbox.render(text, variables(c));
    }

    /** The variables a message about that conversation may use; agent is the assignee. */
    public Map<String, Object> variables(ConversationView c) {
        var variables = new HashMap<String, Object>();
        contacts.find(c.accountId(), c.contactId()).ifPresent(contact -> variables.put("contact", Map.of(
                "name", nonNull(contact.name()), "email", nonNull(contact.email()), "phone_number", nonNull(contact.phoneNumber()),
                "id", contact.id())));
        variables.put("conversation", Map.of("display_id", c.displayId(), "id", c.displayId(), "status", c.status().apiName()));
        if (c.assigneeId() != null) {
            accounts.agent(c.accountId(), c.assigneeId()).map(AgentView::availableName)
                    .ifPresent(name -> variables.put("agent", Map.of("name", name, "first_name", name.split(" ")[0])));
        }
        inboxes.find(c.accountId(), c.inboxId()).ifPresent(inbox -> variables.put("inbox", Map.of("name", inbox.name())));
        variables.put("account", Map.of("name", accounts.account(c.accountId()).name()));
        return variables;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
