package dev.parley.webhook;

import dev.parley.account.AccountBriefJson;
import dev.parley.inbox.InboxBriefJson;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Chatwoot's {@code webwidget_triggered} payload (its {@code ContactInbox#webhook_data} with the widget's event info). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WidgetTriggeredJson(long id, ContactWebhookJson contact, InboxBriefJson inbox, AccountBriefJson account,
                                  ConversationWebhookJson currentConversation, String sourceId, Map<String, Object> eventInfo) {
}
