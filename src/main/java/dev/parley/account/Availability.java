package dev.parley.account;

import java.util.Arrays;
import java.util.List;

/** What an agent says about being reachable; only {@code ONLINE} agents receive conversations. */
public enum Availability {
    ONLINE, BUSY, OFFLINE;

    public String apiName() {
        return name().toLowerCase();
    }

    public static Availability fromApi(String value) {
        return valueOf(value.toUpperCase());
    }

    public static List<String> apiNames() {
        return Arrays.stream(values()).map(Availability::apiName).toList();
    }
}
