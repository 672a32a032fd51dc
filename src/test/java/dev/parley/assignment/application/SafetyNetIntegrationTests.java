package dev.parley.assignment.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a crash between commit and delivery, a waiting conversation may have lost its event; the
 * safety-net sweep (and Modulith's republishing of unfinished events at start) still routes it.
 */
class SafetyNetIntegrationTests extends IntegrationTest {

    @Autowired
    SafetyNetSweep sweep;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWaitingConversationWhoseEventWasLostIsStillAssigned() {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team, team.agentUser());
        var customer = fixtures.customer(inbox, "Lost Event");
        // written behind the application's back: no event was ever published for it
        long displayId = jdbc.sql("UPDATE accounts SET last_display_id = last_display_id + 1 WHERE id = ? RETURNING last_display_id")
                .param(team.accountId()).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO conversations (account_id, inbox_id, contact_id, display_id, uuid, status, waiting_since)
                        VALUES (?, ?, ?, ?, gen_random_uuid(), 'open', now())""")
                .params(team.accountId(), inbox.id(), customer.contactId(), displayId).update();
        // the agent comes online while the routing that would have followed is "down": make it look so by
        // setting presence directly, then let the sweep do the work
        jdbc.sql("INSERT INTO agent_presence (account_id, user_id, availability, auto_offline, online) VALUES (?, ?, 'online', false, true)")
                .params(team.accountId(), team.agentUser().id()).update();

        sweep.sweep();

        var conversation = team.admin().get(team.path("/conversations/" + displayId)).expect(200).json();
        assertThat(conversation.get("meta").get("assignee").get("id").asLong()).isEqualTo(team.agentUser().id());
    }
}
