package dev.parley.account;

import java.util.Arrays;
import java.util.List;

/** An account user's role, with Chatwoot's names. */
public enum Role {
    AGENT, ADMINISTRATOR;

    public String apiName() {
        return name().toLowerCase();
    }

    public static Role fromApi(String value) {
        return valueOf(value.toUpperCase());
    }

    public static List<String> apiNames() {
        return Arrays.stream(values()).map(Role::apiName).toList();
    }
}
