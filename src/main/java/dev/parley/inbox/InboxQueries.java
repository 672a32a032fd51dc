package dev.parley.inbox;

import dev.parley.account.Membership;
import dev.parley.inbox.persistence.InboxRepository;
import dev.parley.inbox.persistence.WebWidgetRepository;
import dev.parley.shared.ResourceNotFound;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of inboxes and membership; what an agent may see is decided here. */
@Service
@Transactional(readOnly = true)
public class InboxQueries {

    private final InboxRepository inboxes;
    private final WebWidgetRepository webWidgets;

    public InboxQueries(InboxRepository inboxes, WebWidgetRepository webWidgets) {
        this.inboxes = inboxes;
        this.webWidgets = webWidgets;
    }

    /** The widget settings of a website widget inbox (empty for other channels). */
    public Optional<WebWidgetChannel> webWidget(long inboxId) {
        return webWidgets.find(inboxId);
    }

    /** The website widget inbox named by a website token, with its settings. */
    public Optional<WebWidgetChannel> webWidgetByToken(String websiteToken) {
        return websiteToken == null || websiteToken.isBlank() ? Optional.empty() : webWidgets.byWebsiteToken(websiteToken);
    }

    /** The widget settings of those of the inboxes that are website widgets. */
    public java.util.Map<Long, WebWidgetChannel> webWidgets(java.util.Collection<Long> inboxIds) {
        return webWidgets.findAll(inboxIds);
    }

    /** An inbox by id alone (the widget API knows the inbox from its website token). */
    public Optional<InboxView> byId(long inboxId) {
        return inboxes.findById(inboxId);
    }

    public InboxView get(long accountId, long inboxId) {
        return inboxes.find(accountId, inboxId).orElseThrow(() -> new ResourceNotFound("Inbox"));
    }

    public Optional<InboxView> find(long accountId, long inboxId) {
        return inboxes.find(accountId, inboxId);
    }


    /** Every inbox of a channel type, across accounts. */
    public List<InboxView> ofChannelType(String channelType) {
        return inboxes.ofChannelType(channelType);
    }

    public Optional<InboxView> byIdentifier(String identifier) {
        return inboxes.findByIdentifier(identifier);
    }

    /** Each inbox of the account with its channel type ({@code Channel::Api}, {@code Channel::WebWidget}, {@code Channel::Email}). */
    public Map<Long, String> channelTypes(long accountId) {
        return inboxes.all(accountId).stream().collect(java.util.stream.Collectors.toMap(InboxView::id, InboxView::channelType));
    }

    /** Administrators see every inbox; agents see the inboxes they are members of. */
    public List<InboxView> visibleTo(Membership caller) {
        return caller.isAdministrator() ? inboxes.all(caller.accountId()) : inboxes.ofMember(caller.accountId(), caller.userId());
    }

    /** The inbox, if the caller may see it; otherwise not found. */
    public InboxView visible(Membership caller, long inboxId) {
        InboxView inbox = get(caller.accountId(), inboxId);
        if (!caller.isAdministrator() && !inboxes.isMember(inboxId, caller.userId())) throw new ResourceNotFound("Inbox");
        return inbox;
    }

    /** The inboxes an agent is a member of, in one account. */
    public List<Long> inboxIdsOf(long accountId, long userId) {
        return inboxes.ofMember(accountId, userId).stream().map(InboxView::id).toList();
    }

    public List<Long> memberIds(long inboxId) {
        return inboxes.memberIds(inboxId);
    }

    public boolean isMember(long inboxId, long userId) {
        return inboxes.isMember(inboxId, userId);
    }
}
