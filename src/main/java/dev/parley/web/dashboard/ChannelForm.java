package dev.parley.web.dashboard;

import dev.parley.inbox.InboxView;
import dev.parley.shared.Actor;
import java.util.Map;

/**
 * A kind of inbox the dashboard creates and edits. Each adds its own fields to the inbox form (a fragment of
 * {@code app/inbox-channels.html} named by {@link #fragment()}) and turns them into an inbox; the name, members and
 * assignment settings are the form's common part. A new channel is a new implementation and a new fragment.
 */
interface ChannelForm {

    /** The form's {@code channel_type} value. */
    String type();

    String label();

    /** One sentence under the choice: what this inbox is for. */
    String description();

    /** The fragment of app/inbox-channels.html with this channel's fields. */
    String fragment();

    /** True for inboxes of this channel (by the inbox's channel type). */
    boolean handles(InboxView inbox);

    /** What the new-inbox form starts with for this channel's fields (ports, usual switches). */
    default Map<String, String> defaults() {
        return Map.of();
    }

    /** Where the administrator goes once the inbox is created: by default its settings page. */
    default String createdPage(long accountId, InboxView inbox) {
        return "/app/accounts/" + accountId + "/inboxes/" + inbox.id() + "/settings?created";
    }

    /** The saved values of this channel's fields, by form field name, to fill the edit form. */
    Map<String, String> values(InboxView inbox);

    InboxView create(long accountId, String name, Map<String, String> form, Actor actor);

    /** Saves the name and this channel's fields of an existing inbox. */
    void update(long accountId, InboxView inbox, String name, Map<String, String> form, Actor actor);
}
