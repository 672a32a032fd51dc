package dev.parley.conversation.application;

import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageInput;
import dev.parley.conversation.MessageView;
import dev.parley.conversation.ScheduledMessages;
import dev.parley.shared.Actor;
import dev.parley.shared.timers.DueTimer;
import dev.parley.shared.timers.TimerHandler;
import dev.parley.shared.timers.TimerResult;
import org.springframework.stereotype.Component;

/**
 * Sends a scheduled message when its time comes: posted as its author in the timer's transaction, so it is
 * stored (and then delivered, from its MessageCreated event) exactly once; its echo id names the timer.
 */
@Component
class ScheduledMessageSender implements TimerHandler {

    private final ConversationManagement conversations;
    private final ConversationQueries queries;

    ScheduledMessageSender(ConversationManagement conversations, ConversationQueries queries) {
        this.conversations = conversations;
        this.queries = queries;
    }

    @Override
    public String kind() {
        return ScheduledMessages.KIND;
    }

    @Override
    public void lockSubject(DueTimer timer) {
        conversations.lockForChange(timer.conversationId());
    }

    @Override
    public TimerResult fire(DueTimer timer) {
        ConversationView c = queries.findById(timer.conversationId()).orElseThrow();
        String content = (String) timer.payload().get("content");
        boolean note = Boolean.TRUE.equals(timer.payload().get("private"));
        long authorId = ((Number) timer.payload().get("author_id")).longValue();
        Actor author = Actor.user(authorId, String.valueOf(timer.payload().get("author_name")));
        MessageInput input = new MessageInput(content, "outgoing", note, null, null, "scheduled-" + timer.id(), null);
        MessageView sent = conversations.postMessage(c.accountId(), c.displayId(), input, author);
        return TimerResult.fired("sent as message " + sent.id());
    }
}
