package dev.parley.web.dashboard;

import dev.parley.account.Labels;
import dev.parley.account.Membership;
import dev.parley.account.Teams;
import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.CustomFilterView;
import dev.parley.conversation.CustomFilters;
import dev.parley.inbox.InboxQueries;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The sidebar: the caller's mentions, participating and unattended views and saved folders, then every
 * inbox, team and label the caller may use, each with its count of open conversations (a folder: all it matches).
 */
@Component
class Sidebar {

    /** One sidebar entry: where it leads and how many open conversations are there. */
    record Entry(String kind, String key, String name, long open) {
    }

    private final InboxQueries inboxes;
    private final Teams teams;
    private final Labels labels;
    private final ConversationQueries conversations;
    private final CustomFilters folders;

    Sidebar(InboxQueries inboxes, Teams teams, Labels labels, ConversationQueries conversations, CustomFilters folders) {
        this.folders = folders;
        this.inboxes = inboxes;
        this.teams = teams;
        this.labels = labels;
        this.conversations = conversations;
    }

    List<Entry> of(Membership me) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("type", "mention", "Mentions", open(me, null, null, null, "mention")));
        entries.add(new Entry("type", "participating", "Participating", open(me, null, null, null, "participating")));
        entries.add(new Entry("type", "unattended", "Unattended", open(me, null, null, null, "unattended")));
        for (CustomFilterView folder : folders.all(me, "conversation")) {
            long count = conversations.list(me, new ConversationFilter("all", "all", null, null, null, null, null, 1, null,
                    CustomFilters.rows(folder.query()))).allCount();
            entries.add(new Entry("folder", String.valueOf(folder.id()), folder.name(), count));
        }
        inboxes.visibleTo(me).forEach(i -> entries.add(new Entry("inbox", String.valueOf(i.id()), i.name(), open(me, i.id(), null, null, null))));
        teams.all(me.accountId()).forEach(t -> entries.add(new Entry("team", String.valueOf(t.id()), t.name(), open(me, null, t.id(), null, null))));
        labels.all(me.accountId()).forEach(l -> entries.add(new Entry("label", l.title(), l.title(), open(me, null, null, l.title(), null))));
        return entries;
    }

    private long open(Membership me, Long inbox, Long team, String label, String type) {
        return conversations.list(me, new ConversationFilter("open", "all", inbox, team, label == null ? null : List.of(label), null, null, 1,
                type)).allCount();
    }
}
