package dev.parley.inbox;

import java.util.Map;

/** What a channel shows in the inbox JSON: to every member ({@code shown}) and to administrators only ({@code adminOnly}). */
public record ChannelAttributes(Map<String, Object> shown, Map<String, Object> adminOnly) {

    public static final ChannelAttributes NONE = new ChannelAttributes(Map.of(), Map.of());

    /** Both maps together (administrators' view; what the channel reads back as its settings). */
    public Map<String, Object> all() {
        var all = new java.util.LinkedHashMap<String, Object>(shown);
        all.putAll(adminOnly);
        return all;
    }
}
