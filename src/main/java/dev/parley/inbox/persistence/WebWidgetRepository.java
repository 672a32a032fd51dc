package dev.parley.inbox.persistence;

import dev.parley.inbox.WebWidgetChannel;
import dev.parley.inbox.WebWidgetSettings;
import dev.parley.shared.JsonCodec;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The settings of website widget inboxes ({@code channel_web_widgets}). */
@Repository
public class WebWidgetRepository {

    private static final String COLUMNS = """
            inbox_id, website_token, website_url, widget_color, welcome_title, welcome_tagline, reply_time, pre_chat_form_enabled,
            pre_chat_form_options, continuity_via_email, selected_feature_flags, allowed_domains""";

    private final JdbcClient jdbc;
    private final JsonCodec json;

    public WebWidgetRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(long inboxId, String websiteToken) {
        jdbc.sql("INSERT INTO channel_web_widgets (inbox_id, website_token) VALUES (?, ?)").params(inboxId, websiteToken).update();
    }

    public void update(long inboxId, WebWidgetSettings s) {
        jdbc.sql("""
                        UPDATE channel_web_widgets SET website_url = coalesce(?, website_url), widget_color = coalesce(?, widget_color),
                            welcome_title = coalesce(?, welcome_title), welcome_tagline = coalesce(?, welcome_tagline),
                            reply_time = coalesce(?, reply_time), pre_chat_form_enabled = coalesce(?, pre_chat_form_enabled),
                            pre_chat_form_options = coalesce(?::jsonb, pre_chat_form_options),
                            continuity_via_email = coalesce(?, continuity_via_email),
                            selected_feature_flags = coalesce(?::text[], selected_feature_flags),
                            allowed_domains = coalesce(?, allowed_domains)
                        WHERE inbox_id = ?""")
                .params(s.websiteUrl(), s.widgetColor(), s.welcomeTitle(), s.welcomeTagline(), s.replyTime(), s.preChatFormEnabled(),
                        s.preChatFormOptions() == null ? null : json.write(s.preChatFormOptions()), s.continuityViaEmail(),
                        s.selectedFeatureFlags() == null ? null : "{" + String.join(",", s.selectedFeatureFlags()) + "}",
                        s.allowedDomains(), inboxId)
                .update();
    }

    public Optional<WebWidgetChannel> find(long inboxId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel_web_widgets WHERE inbox_id = ?").param(inboxId).query(this::channel).optional();
    }

    public Optional<WebWidgetChannel> byWebsiteToken(String websiteToken) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel_web_widgets WHERE website_token = ?").param(websiteToken)
                .query(this::channel).optional();
    }

    public Map<Long, WebWidgetChannel> findAll(Collection<Long> inboxIds) {
        if (inboxIds.isEmpty()) return Map.of();
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel_web_widgets WHERE inbox_id = ANY(?)")
                .param(inboxIds.toArray(Long[]::new)).query(this::channel).list().stream()
                .collect(Collectors.toMap(WebWidgetChannel::inboxId, Function.identity()));
    }

    private WebWidgetChannel channel(ResultSet rs, int row) throws SQLException {
        return new WebWidgetChannel(rs.getLong("inbox_id"), rs.getString("website_token"), rs.getString("website_url"),
                rs.getString("widget_color"), rs.getString("welcome_title"), rs.getString("welcome_tagline"), rs.getString("reply_time"),
                rs.getBoolean("pre_chat_form_enabled"), json.readMap(rs.getString("pre_chat_form_options")),
                rs.getBoolean("continuity_via_email"), strings(rs.getArray("selected_feature_flags")), rs.getString("allowed_domains"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
