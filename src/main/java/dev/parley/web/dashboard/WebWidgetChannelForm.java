package dev.parley.web.dashboard;

import dev.parley.inbox.InboxManagement;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxSettings;
import dev.parley.inbox.InboxView;
import dev.parley.inbox.WebWidgetChannel;
import dev.parley.inbox.WebWidgetSettings;
import dev.parley.shared.Actor;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The website channel (Chatwoot's web_widget): a chat bubble on the team's website. Created with its website and look;
 * the administrator then lands on the widget page with the snippet to copy (the rest of the widget's settings are there).
 */
@Component
@Order(20)
class WebWidgetChannelForm implements ChannelForm {

    private final InboxManagement inboxes;
    private final InboxQueries queries;

    WebWidgetChannelForm(InboxManagement inboxes, InboxQueries queries) {
        this.inboxes = inboxes;
        this.queries = queries;
    }

    @Override
    public String type() {
        return "web_widget";
    }

    @Override
    public String label() {
        return "Website";
    }

    @Override
    public String description() {
        return "A chat bubble on your website: paste one snippet into your pages and visitors write to you live.";
    }

    @Override
    public String fragment() {
        return "web_widget";
    }

    @Override
    public boolean handles(InboxView inbox) {
        return InboxManagement.WEB_WIDGET.equals(inbox.channelType());
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("widget_color", "#1f93ff");
    }

    @Override
    public String createdPage(long accountId, InboxView inbox) {
        return "/app/accounts/" + accountId + "/inboxes/" + inbox.id() + "/widget?created";
    }

    @Override
    public Map<String, String> values(InboxView inbox) {
        WebWidgetChannel widget = queries.webWidget(inbox.id()).orElseThrow();
        return Map.of("website_url", text(widget.websiteUrl()), "widget_color", text(widget.widgetColor()),
                "welcome_title", text(widget.welcomeTitle()), "welcome_tagline", text(widget.welcomeTagline()));
    }

    @Override
    public InboxView create(long accountId, String name, Map<String, String> form, Actor actor) {
        return inboxes.create(accountId, "web_widget", InboxSettings.named(name), widget(form), actor);
    }

    @Override
    public void update(long accountId, InboxView inbox, String name, Map<String, String> form, Actor actor) {
        inboxes.update(accountId, inbox.id(), InboxSettings.named(name), widget(form), actor);
    }

    /** The fields of this form (no colour: the saved one); the widget's other settings (reply time, pre-chat form, domains) stay as they are. */
    private static WebWidgetSettings widget(Map<String, String> form) {
        String color = field(form, "widget_color");
        return new WebWidgetSettings(field(form, "website_url"), color.isEmpty() ? null : color, field(form, "welcome_title"),
                field(form, "welcome_tagline"), null, null, null, null, null, null);
    }

    private static String field(Map<String, String> form, String name) {
        return form.getOrDefault(name, "").strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
