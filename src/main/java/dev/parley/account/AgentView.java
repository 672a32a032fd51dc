package dev.parley.account;

/** An account user as Chatwoot's agent JSON describes it; {@code confirmed} is false while an invited person has set no password yet. */
public record AgentView(long id, long accountId, String name, String displayName, String email, Role role,
                        Availability availability, boolean autoOffline, boolean confirmed) {

    public String availableName() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }
}
