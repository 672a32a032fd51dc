package dev.parley.automation.application;

import dev.parley.automation.domain.Evaluation;
import dev.parley.automation.domain.RuleAction;
import dev.parley.automation.domain.RuleDefinition;
import dev.parley.automation.domain.RuleEvaluator;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageType;
import dev.parley.conversation.MessageView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tries a rule (saved or not) on real conversations: would it match, why, and what each action would
 * change. Reads only: changes nothing, logs nothing. For message_created rules the conversation's
 * latest message stands in for the triggering one; attribute_changed conditions need a real change
 * and are reported as not met.
 */
@Service
@Transactional(readOnly = true)
public class DryRun {

    private final ConversationQueries conversations;
    private final SnapshotLoader snapshots;
    private final ActionPreview preview;

    DryRun(ConversationQueries conversations, SnapshotLoader snapshots, ActionPreview preview) {
        this.conversations = conversations;
        this.snapshots = snapshots;
        this.preview = preview;
    }

    public List<Map<String, Object>> run(String eventName, List<Map<String, Object>> conditions, List<Map<String, Object>> actions,
                                         List<ConversationView> targets) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (ConversationView c : targets) {
            Long messageId = "message_created".equals(eventName) ? latestMessage(c) : null;
            Evaluation e = RuleEvaluator.evaluate(RuleDefinition.conditions(conditions), snapshots.snapshot(c, Map.of(), messageId));
            var result = new LinkedHashMap<String, Object>();
            result.put("conversation_id", c.displayId());
            result.put("would_match", e.matched());
            result.put("invalid", e.invalid());
            result.put("conditions", RuleOutcome.describe(e.conditions()));
            List<Map<String, Object>> effects = new ArrayList<>();
            if (e.matched()) {
                for (RuleAction a : RuleDefinition.actions(actions)) {
                    effects.add(Map.of("action_name", a.name(), "would", preview.describe(a, c)));
                }
            }
            result.put("actions", effects);
            results.add(result);
        }
        return results;
    }

    private Long latestMessage(ConversationView c) {
        List<MessageView> recent = conversations.recentMessages(c.id(), 20);
        for (int i = recent.size() - 1; i >= 0; i--) {
            if (recent.get(i).messageType() != MessageType.ACTIVITY) return recent.get(i).id();
        }
        return null;
    }
}
