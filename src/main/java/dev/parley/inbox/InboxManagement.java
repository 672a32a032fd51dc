package dev.parley.inbox;

import dev.parley.account.AccountQueries;
import dev.parley.inbox.persistence.InboxRepository;
import dev.parley.inbox.persistence.WebWidgetRepository;
import dev.parley.shared.Actor;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import dev.parley.shared.Tokens;
import dev.parley.shared.UrlSafety;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Commands on inboxes and their members; publishes what changed, nothing when nothing did. */
@Service
@Transactional
public class InboxManagement {

    static final List<String> REOPEN_POLICIES = List.of("keep", "if_available", "never");
    /** Chatwoot's channel type of website widget inboxes. */
    public static final String WEB_WIDGET = "Channel::WebWidget";
    private static final List<String> WEB_WIDGET_TYPES = List.of("web_widget", WEB_WIDGET);

    private final InboxRepository inboxes;
    private final AccountQueries accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final UrlSafety urlSafety;
    private final List<InboxChannel> channels;
    private final WebWidgetRepository webWidgets;

    public InboxManagement(InboxRepository inboxes, AccountQueries accounts, ApplicationEventPublisher events, Clock clock,
                           UrlSafety urlSafety, List<InboxChannel> channels, WebWidgetRepository webWidgets) {
        this.channels = channels;
        this.webWidgets = webWidgets;
        this.inboxes = inboxes;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.urlSafety = urlSafety;
    }

    public InboxView createApiInbox(long accountId, String channelType, InboxSettings settings, Actor actor) {
        return create(accountId, channelType, Map.of(), settings, WebWidgetSettings.NONE, actor);
    }

    /** Creates an inbox of a channel type with its own settings (email's, checked and stored by its {@link InboxChannel}). */
    public InboxView create(long accountId, String channelType, Map<String, Object> channelSettings, InboxSettings settings, Actor actor) {
        return create(accountId, channelType, channelSettings, settings, WebWidgetSettings.NONE, actor);
    }

    /** An API inbox, or a website widget inbox ({@code web_widget}) with its widget settings and a new website token. */
    public InboxView create(long accountId, String channelType, InboxSettings settings, WebWidgetSettings widget, Actor actor) {
        return create(accountId, channelType, Map.of(), settings, widget, actor);
    }

    /**
     * Creates an inbox of the given channel type: the API channel, a website widget (its settings and a new website
     * token), or a channel of an {@link InboxChannel} (e.g. email), which checks and stores its own settings.
     */
    public InboxView create(long accountId, String channelType, Map<String, Object> channelSettings, InboxSettings settings,
                            WebWidgetSettings widget, Actor actor) {
        var errors = new Errors().requireText("name", settings.name()).maxLength("name", settings.name(), 255);
        InboxChannel channel = channelType == null ? null : channels.stream().filter(c -> c.handles(channelType)).findFirst().orElse(null);
        boolean webWidget = channelType != null && WEB_WIDGET_TYPES.contains(channelType); // Set.of(...).contains(null) throws
        if (channelType != null && channel == null && !webWidget && !List.of("api", "Channel::Api").contains(channelType)) {
            errors.add("channel", "type " + channelType + " is not supported; Parley offers API, web_widget and email inboxes");
        }
        if (webWidget) WebWidgetRules.check(errors, widget);
        check(errors, settings);
        InboxView created = inboxes.insert(accountId, Tokens.random(18), Tokens.random(18), settings);
        if (channel != null) {
            inboxes.setChannel(created.id(), channel.channelType(), channel.save(accountId, created.id(), channelSettings, null));
            created = inboxes.find(accountId, created.id()).orElseThrow();
        }
        if (webWidget) {
            inboxes.setChannelType(created.id(), WEB_WIDGET);
            webWidgets.insert(created.id(), Tokens.random(18));
            webWidgets.update(created.id(), widget);
            created = inboxes.find(accountId, created.id()).orElseThrow();
        }
        events.publishEvent(new InboxCreated(UUID.randomUUID(), clock.instant(), accountId, created.id(), actor));
        return created;
    }

    public InboxView update(long accountId, long inboxId, InboxSettings settings, Actor actor) {
        return update(accountId, inboxId, settings, Map.of(), WebWidgetSettings.NONE, actor);
    }

    /** Changes an inbox's settings and, for a channel of an {@link InboxChannel}, the channel settings sent. */
    public InboxView update(long accountId, long inboxId, InboxSettings settings, Map<String, Object> channelSettings, Actor actor) {
        return update(accountId, inboxId, settings, channelSettings, WebWidgetSettings.NONE, actor);
    }

    /** Changes an inbox's settings, and a website widget inbox's widget settings. */
    public InboxView update(long accountId, long inboxId, InboxSettings settings, WebWidgetSettings widget, Actor actor) {
        return update(accountId, inboxId, settings, Map.of(), widget, actor);
    }

    /** Changes an inbox's settings, its channel's settings (email) and a website widget's settings, whichever apply. */
    public InboxView update(long accountId, long inboxId, InboxSettings settings, Map<String, Object> channelSettings,
                            WebWidgetSettings widget, Actor actor) {
        InboxView before = inboxes.lock(accountId, inboxId).orElseThrow(() -> new ResourceNotFound("Inbox"));
        var errors = new Errors();
        if (settings.name() != null && settings.name().isBlank()) errors.add("name", "can't be blank");
        boolean webWidget = WEB_WIDGET.equals(before.channelType());
        if (webWidget) WebWidgetRules.check(errors, widget);
        check(errors, settings);
        WebWidgetChannel widgetBefore = webWidget ? webWidgets.find(inboxId).orElse(null) : null;
        inboxes.update(inboxId, settings);
        var channel = channels.stream().filter(c -> c.channelType().equals(before.channelType())).findFirst();
        if (channel.isPresent() && channelSettings != null && !channelSettings.isEmpty()) {
            inboxes.setChannel(inboxId, before.channelType(), channel.get().save(accountId, inboxId, channelSettings, before.channel()));
        }
        if (webWidget) webWidgets.update(inboxId, widget);
        InboxView after = inboxes.find(accountId, inboxId).orElseThrow();
        if (before.enableAutoAssignment() != after.enableAutoAssignment()
                || !before.autoAssignmentConfig().equals(after.autoAssignmentConfig())) {
            events.publishEvent(new InboxSettingsChanged(UUID.randomUUID(), clock.instant(), accountId, inboxId,
                    before.enableAutoAssignment(), after.enableAutoAssignment(), before.autoAssignmentConfig(),
                    after.autoAssignmentConfig(), actor));
        }
        Map<String, List<Object>> changes = changes(before, after);
        if (widgetBefore != null) webWidgets.find(inboxId).ifPresent(widgetAfter -> widgetChanges(changes, widgetBefore, widgetAfter));
        if (!changes.isEmpty()) events.publishEvent(new InboxUpdated(UUID.randomUUID(), clock.instant(), accountId, inboxId, changes, actor));
        return after;
    }

    /** The fields that differ, by their API names, as [before, after]. */
    private static Map<String, List<Object>> changes(InboxView before, InboxView after) {
        var changes = new java.util.LinkedHashMap<String, List<Object>>();
        compare(changes, "name", before.name(), after.name());
        compare(changes, "webhook_url", before.webhookUrl(), after.webhookUrl());
        compare(changes, "hmac_mandatory", before.hmacMandatory(), after.hmacMandatory());
        compare(changes, "enable_auto_assignment", before.enableAutoAssignment(), after.enableAutoAssignment());
        compare(changes, "auto_assignment_config", before.autoAssignmentConfig(), after.autoAssignmentConfig());
        compare(changes, "lock_to_single_conversation", before.lockToSingleConversation(), after.lockToSingleConversation());
        compare(changes, "greeting_enabled", before.greetingEnabled(), after.greetingEnabled());
        compare(changes, "greeting_message", before.greetingMessage(), after.greetingMessage());
        compare(changes, "timezone", before.timezone(), after.timezone());
        compare(changes, "working_hours_enabled", before.workingHoursEnabled(), after.workingHoursEnabled());
        compare(changes, "out_of_office_message", before.outOfOfficeMessage(), after.outOfOfficeMessage());
        compare(changes, "working_hours", before.workingHoursEntries(), after.workingHoursEntries());
        var channelKeys = new java.util.LinkedHashSet<>(before.channel().all().keySet());
        channelKeys.addAll(after.channel().all().keySet());
        channelKeys.forEach(key -> compare(changes, key, before.channel().all().get(key), after.channel().all().get(key)));
        return changes;
    }

    /** A website widget's settings that changed, by Chatwoot's names (the website token never changes). */
    private static void widgetChanges(Map<String, List<Object>> changes, WebWidgetChannel before, WebWidgetChannel after) {
        compare(changes, "website_url", before.websiteUrl(), after.websiteUrl());
        compare(changes, "widget_color", before.widgetColor(), after.widgetColor());
        compare(changes, "welcome_title", before.welcomeTitle(), after.welcomeTitle());
        compare(changes, "welcome_tagline", before.welcomeTagline(), after.welcomeTagline());
        compare(changes, "reply_time", before.replyTime(), after.replyTime());
        compare(changes, "pre_chat_form_enabled", before.preChatFormEnabled(), after.preChatFormEnabled());
        compare(changes, "pre_chat_form_options", before.preChatFormOptions(), after.preChatFormOptions());
        compare(changes, "continuity_via_email", before.continuityViaEmail(), after.continuityViaEmail());
        compare(changes, "selected_feature_flags", before.selectedFeatureFlags(), after.selectedFeatureFlags());
        compare(changes, "allowed_domains", before.allowedDomains(), after.allowedDomains());
    }

    private static void compare(Map<String, List<Object>> changes, String field, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) changes.put(field, java.util.Arrays.asList(before, after));
    }

    public void delete(long accountId, long inboxId) {
        inboxes.find(accountId, inboxId).orElseThrow(() -> new ResourceNotFound("Inbox"));
        inboxes.delete(inboxId);
    }

    public void addMembers(long accountId, long inboxId, List<Long> userIds, Actor actor) {
        requireInbox(accountId, inboxId);
        List<Long> added = inboxes.addMembers(inboxId, requireAgents(accountId, userIds));
        publishMembers(accountId, inboxId, added, List.of(), actor);
    }

    /** Makes the inbox's members exactly the given agents. */
    public void replaceMembers(long accountId, long inboxId, List<Long> userIds, Actor actor) {
        requireInbox(accountId, inboxId);
        List<Long> wanted = userIds == null || userIds.isEmpty() ? List.of() : requireAgents(accountId, userIds);
        List<Long> removed = inboxes.removeMembers(inboxId, inboxes.memberIds(inboxId).stream().filter(u -> !wanted.contains(u)).toList());
        List<Long> added = inboxes.addMembers(inboxId, wanted);
        publishMembers(accountId, inboxId, added, removed, actor);
    }

    public void removeMembers(long accountId, long inboxId, List<Long> userIds, Actor actor) {
        requireInbox(accountId, inboxId);
        if (userIds == null || userIds.isEmpty()) throw InvalidInput.of("user_ids", "can't be blank");
        publishMembers(accountId, inboxId, List.of(), inboxes.removeMembers(inboxId, userIds), actor);
    }

    void removeFromAccount(long accountId, long userId) {
        inboxes.removeFromAccount(accountId, userId);
    }

    private void publishMembers(long accountId, long inboxId, List<Long> added, List<Long> removed, Actor actor) {
        if (added.isEmpty() && removed.isEmpty()) return;
        events.publishEvent(new InboxMembersChanged(UUID.randomUUID(), clock.instant(), accountId, inboxId, added, removed, actor));
    }

    private void requireInbox(long accountId, long inboxId) {
        inboxes.lock(accountId, inboxId).orElseThrow(() -> new ResourceNotFound("Inbox"));
    }

    private List<Long> requireAgents(long accountId, List<Long> userIds) {
        if (userIds == null || userIds.isEmpty()) throw InvalidInput.of("user_ids", "can't be blank");
        List<Long> unknown = userIds.stream().filter(u -> u == null || accounts.agent(accountId, u).isEmpty()).toList();
        if (!unknown.isEmpty()) throw InvalidInput.of("user_ids", "are not agents of this account: " + unknown);
        return userIds.stream().distinct().toList();
    }

    private void check(Errors errors, InboxSettings s) {
        if (s.webhookUrl() != null && !s.webhookUrl().isBlank()) {
            // refused when saved, not only when a delivery is attempted: the inbox webhook must not reach into our network
            String problem = s.webhookUrl().length() > 2048 ? "is too long (maximum is 2048 characters)"
                    : isHttpUrl(s.webhookUrl()) ? urlSafety.problem(s.webhookUrl()) : "must be an http or https URL";
            if (problem != null) errors.add("webhook_url", problem);
        }
        if (s.timezone() != null && !ZoneId.getAvailableZoneIds().contains(s.timezone()) && !"UTC".equals(s.timezone())) {
            errors.add("timezone", "is not a known time zone");
        }
        checkAutoAssignmentConfig(errors, s.autoAssignmentConfig());
        checkWorkingHours(errors, s.workingHours());
        errors.throwIfAny();
    }

    /** Chatwoot's working_hours entries: one per day_of_week 0-6, closed, open all day, or open before it closes. */
    private static void checkWorkingHours(Errors errors, List<Map<String, Object>> entries) {
        if (entries == null) return;
        var seen = new java.util.HashSet<Integer>();
        for (Map<String, Object> e : entries) {
            Integer day = whole(e == null ? null : e.get("day_of_week"), 0, 6);
            if (day == null || !seen.add(day)) {
                errors.add("working_hours", "needs one entry per day_of_week from 0 (Sunday) to 6");
                return;
            }
            if (Boolean.TRUE.equals(e.get("closed_all_day")) || Boolean.TRUE.equals(e.get("open_all_day"))) continue;
            if (e.get("periods") != null) {
                if (!periodsInOrder(e.get("periods"))) {
                    errors.add("working_hours", "day " + day + " periods must each open before they close, in order, without overlapping");
                    return;
                }
                continue;
            }
            Integer openHour = whole(e.get("open_hour"), 0, 23);
            Integer closeHour = whole(e.get("close_hour"), 0, 24);
            Integer openMinutes = e.get("open_minutes") == null ? Integer.valueOf(0) : whole(e.get("open_minutes"), 0, 59);
            Integer closeMinutes = e.get("close_minutes") == null ? Integer.valueOf(0) : whole(e.get("close_minutes"), 0, 59);
            if (openHour == null || closeHour == null || openMinutes == null || closeMinutes == null
                    || openHour * 60 + openMinutes >= closeHour * 60 + closeMinutes) {
                errors.add("working_hours", "day " + day + " must open (open_hour, open_minutes) before it closes (close_hour, close_minutes)");
                return;
            }
        }
    }

    /** Parley's several periods a day (breaks between them): each opens before it closes, after the previous one closed. */
    private static boolean periodsInOrder(Object periods) {
        if (!(periods instanceof List<?> list) || list.isEmpty()) return false;
        int lastClose = -1;
        for (Object p : list) {
            if (!(p instanceof Map<?, ?> period)) return false;
            Integer open = minuteOfDay(period.get("open_hour"), period.get("open_minutes"), 23);
            Integer close = minuteOfDay(period.get("close_hour"), period.get("close_minutes"), 24);
            if (open == null || close == null || open >= close || open < lastClose) return false;
            lastClose = close;
        }
        return true;
    }

    private static Integer minuteOfDay(Object hour, Object minutes, int maxHour) {
        Integer h = whole(hour, 0, maxHour);
        Integer m = minutes == null ? Integer.valueOf(0) : whole(minutes, 0, 59);
        return h == null || m == null ? null : h * 60 + m;
    }

    private static Integer whole(Object value, int min, int max) {
        return value instanceof Number n && n.doubleValue() == n.intValue() && n.intValue() >= min && n.intValue() <= max ? n.intValue() : null;
    }

    private static void checkAutoAssignmentConfig(Errors errors, Map<String, Object> config) {
        if (config == null) return;
        Object limit = config.get("max_assignment_limit");
        if (limit != null && !(limit instanceof Number n && n.longValue() > 0 && n.doubleValue() == n.longValue())) {
            errors.add("auto_assignment_config", "max_assignment_limit must be a whole number greater than 0");
        }
        Object reopen = config.get("reopen_assignee");
        if (reopen != null && !REOPEN_POLICIES.contains(String.valueOf(reopen))) {
            errors.add("auto_assignment_config", "reopen_assignee must be one of " + String.join(", ", REOPEN_POLICIES));
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value.trim());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
