package dev.parley.web.dashboard;

import dev.parley.inbox.InboxManagement;
import dev.parley.inbox.InboxSettings;
import dev.parley.inbox.InboxView;
import dev.parley.shared.Actor;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The API channel: customers write through the public client API (or your own app); an optional webhook gets every event. */
@Component
@Order(10)
class ApiChannelForm implements ChannelForm {

    private final InboxManagement inboxes;

    ApiChannelForm(InboxManagement inboxes) {
        this.inboxes = inboxes;
    }

    @Override
    public String type() {
        return "api";
    }

    @Override
    public String label() {
        return "API";
    }

    @Override
    public String description() {
        return "Your website or app sends customers' messages through the public client API; replies reach them the same way or by webhook.";
    }

    @Override
    public String fragment() {
        return "api";
    }

    @Override
    public boolean handles(InboxView inbox) {
        return "Channel::Api".equals(inbox.channelType());
    }

    @Override
    public Map<String, String> values(InboxView inbox) {
        return Map.of("webhook_url", inbox.webhookUrl() == null ? "" : inbox.webhookUrl(), "hmac_mandatory", String.valueOf(inbox.hmacMandatory()));
    }

    @Override
    public InboxView create(long accountId, String name, Map<String, String> form, Actor actor) {
        return inboxes.createApiInbox(accountId, "api", settings(name, form, null), actor);
    }

    @Override
    public void update(long accountId, InboxView inbox, String name, Map<String, String> form, Actor actor) {
        inboxes.update(accountId, inbox.id(), settings(name, form, ""), actor);
    }

    /** {@code noWebhook}: what an empty webhook field stores (null on create; "" on update, which clears a saved one). */
    private static InboxSettings settings(String name, Map<String, String> form, String noWebhook) {
        String webhook = form.getOrDefault("webhook_url", "").trim();
        return new InboxSettings(name, webhook.isEmpty() ? noWebhook : webhook, "true".equals(form.get("hmac_mandatory")), null, null, null,
                null, null, null);
    }
}
