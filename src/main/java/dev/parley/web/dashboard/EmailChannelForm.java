package dev.parley.web.dashboard;

import dev.parley.inbox.InboxManagement;
import dev.parley.inbox.InboxSettings;
import dev.parley.inbox.InboxView;
import dev.parley.shared.Actor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The email channel: an address customers write to, read by IMAP (or forwarded) and answered by SMTP. The email module
 * checks the servers (a private address is refused unless allowed); passwords are never shown, and an empty one keeps
 * the saved one. Once created, the administrator lands on the mail settings page, where "Test the connection" is.
 */
@Component
@Order(30)
class EmailChannelForm implements ChannelForm {

    static final String CHANNEL_TYPE = "Channel::Email";
    static final List<String> FLAGS = List.of("imap_enabled", "imap_enable_ssl", "smtp_enabled", "smtp_enable_ssl_tls", "smtp_enable_starttls_auto");
    static final List<String> TEXTS = List.of("email", "imap_address", "imap_port", "imap_login", "imap_password", "smtp_address", "smtp_port",
            "smtp_login", "smtp_password", "smtp_domain", "smtp_authentication");
    static final List<String> AUTHENTICATIONS = List.of("login", "plain", "cram_md5", "none");

    private final InboxManagement inboxes;

    EmailChannelForm(InboxManagement inboxes) {
        this.inboxes = inboxes;
    }

    @Override
    public String type() {
        return "email";
    }

    @Override
    public String label() {
        return "Email";
    }

    @Override
    public String description() {
        return "Customers write to your support address; Parley reads the mailbox (or takes forwarded mail) and replies by SMTP.";
    }

    @Override
    public String fragment() {
        return "email";
    }

    @Override
    public boolean handles(InboxView inbox) {
        return CHANNEL_TYPE.equals(inbox.channelType());
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("imap_enable_ssl", "true", "smtp_enable_starttls_auto", "true", "imap_port", "993", "smtp_port", "587",
                "smtp_authentication", "login");
    }

    @Override
    public String createdPage(long accountId, InboxView inbox) {
        return "/app/accounts/" + accountId + "/inboxes/" + inbox.id() + "/email?created";
    }

    @Override
    public Map<String, String> values(InboxView inbox) {
        var values = new LinkedHashMap<String, String>();
        inbox.channel().all().forEach((k, v) -> {
            if (!k.endsWith("_password") && v != null) values.put(k, String.valueOf(v));
        });
        return values;
    }

    @Override
    public InboxView create(long accountId, String name, Map<String, String> form, Actor actor) {
        return inboxes.create(accountId, "email", settings(form), InboxSettings.named(name), actor);
    }

    @Override
    public void update(long accountId, InboxView inbox, String name, Map<String, String> form, Actor actor) {
        inboxes.update(accountId, inbox.id(), InboxSettings.named(name), settings(form), actor);
    }

    /** The form as Chatwoot's channel settings: unticked boxes are false, an empty password is not sent (kept). */
    static Map<String, Object> settings(Map<String, String> form) {
        var settings = new LinkedHashMap<String, Object>();
        FLAGS.forEach(f -> settings.put(f, form.containsKey(f)));
        TEXTS.forEach(t -> {
            String value = form.getOrDefault(t, "").strip();
            if (!(t.endsWith("_password") && value.isEmpty())) settings.put(t, value);
        });
        return settings;
    }
}
