package dev.parley.conversation;

import java.util.List;

/** Message types with Chatwoot's enum numbers: incoming 0, outgoing 1, activity 2, template 3. */
public enum MessageType {
    INCOMING, OUTGOING, ACTIVITY, TEMPLATE;

    public int code() {
        return ordinal();
    }

    public String apiName() {
        return name().toLowerCase();
    }

    public static MessageType fromCode(int code) {
        return values()[code];
    }

    /** Accepts a name ("incoming") or a number (0). */
    public static MessageType fromApi(String value) {
        String v = value.trim();
        if (v.matches("\\d")) return fromCode(Integer.parseInt(v));
        return valueOf(v.toUpperCase());
    }

    public static List<String> clientTypes() {
        return List.of("incoming", "outgoing", "template");
    }
}
