package dev.parley.web.dashboard;

import org.springframework.stereotype.Component;

/**
 * How the dashboard names an agent's presence. Routing follows the effective presence (availability online and,
 * with automatic offline, a dashboard open), so the pages say the same: an agent who chose "online" but closed
 * every dashboard is shown offline, with the reason, never "online".
 */
@Component("presenceLabels")
public class PresenceLabels {

    public static String of(boolean online, String availability) {
        if (online) return "online";
        if ("online".equals(availability)) return "offline (no dashboard open)";
        return availability == null ? "offline" : availability;
    }

    /** For templates: {@code ${@presenceLabels.label(a.online, a.availability)}}. */
    public String label(boolean online, String availability) {
        return of(online, availability);
    }
}
