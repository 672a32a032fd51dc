package dev.parley.widget.application;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A friendly name for a visitor nobody knows yet ("quiet-river-4821"), as Chatwoot's Haikunator gives. */
final class VisitorNames {

    private static final List<String> ADJECTIVES = List.of("autumn", "hidden", "bitter", "misty", "silent", "empty", "dry", "dark",
            "summer", "icy", "delicate", "quiet", "white", "cool", "spring", "winter", "patient", "twilight", "dawn", "crimson",
            "wispy", "weathered", "blue", "billowing", "broken", "cold", "damp", "falling", "frosty", "green", "long", "late");
    private static final List<String> NOUNS = List.of("waterfall", "river", "breeze", "moon", "rain", "wind", "sea", "morning",
            "snow", "lake", "sunset", "pine", "shadow", "leaf", "dawn", "glitter", "forest", "hill", "cloud", "meadow", "sun",
            "glade", "bird", "brook", "butterfly", "bush", "dew", "dust", "field", "fire", "flower", "firefly");

    private VisitorNames() {
    }

    static String next() {
        var random = ThreadLocalRandom.current();
        return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(random.nextInt(NOUNS.size())) + "-"
                + (1000 + random.nextInt(9000));
    }
}
