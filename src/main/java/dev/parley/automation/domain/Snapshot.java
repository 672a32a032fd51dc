package dev.parley.automation.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything rule conditions can see for one event, loaded once and shared by every rule: the
 * conversation, its contact, its labels, the messages in scope (the triggering message for
 * message_created, otherwise the conversation's messages), the change map of the event, and the
 * account's custom attribute definitions ({@code key -> model -> display type}).
 */
public record Snapshot(String status, String priority, Long assigneeId, Long teamId, Long inboxId, Set<String> labels,
                       Map<String, Object> conversationAttributes, Map<String, Object> conversationCustomAttributes,
                       String contactEmail, String contactPhone, Map<String, Object> contactAttributes,
                       Map<String, Object> contactCustomAttributes, List<MessageFacts> messages, Map<String, List<Object>> changes,
                       Map<String, Map<String, String>> customAttributeTypes, LocalDate today) {
}
