package dev.parley.automation;

import dev.parley.automation.application.Templates;
import dev.parley.automation.domain.LiquidSandbox;
import dev.parley.conversation.ConversationView;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Fills the variables of a reply an agent writes or picks from the canned responses ({{contact.name}},
 * {{conversation.display_id}}, {{agent.name}}, {{inbox.name}}, {{account.name}}), as Chatwoot's reply box does,
 * in the same sandbox as rule messages. Here {{agent.name}} is the agent writing, not the assignee. A template
 * that does not render is returned as typed: an agent's reply is never lost to a template error.
 */
@Service
public class ReplyTemplates {

    private final LiquidSandbox sandbox = new LiquidSandbox();
    private final Templates templates;

    ReplyTemplates(Templates templates) {
        this.templates = templates;
    }

    public String fill(String text, ConversationView conversation, String agentName) {
        if (text == null || (!text.contains("{{") && !text.contains("{%"))) return text;
        Map<String, Object> variables = new HashMap<>(templates.variables(conversation));
        String name = agentName == null ? "" : agentName;
        variables.put("agent", Map.of("name", name, "first_name", name.split(" ")[0]));
        try {
            return sandbox.render(text, variables);
        } catch (LiquidSandbox.TemplateRefused e) {
            return text;
        }
    }
}
