package dev.parley.account;

/** An account user as Chatwoot's agent JSON describes it. */
public record AgentView(long id, long accountId, String name, String displayName, String email, Role role,
                        Availability availability, boolean autoOffline) {

    public String availableName() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }
}
