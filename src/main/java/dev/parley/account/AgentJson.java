package dev.parley.account;

/** Chatwoot's agent JSON, shared by every endpoint that shows an agent (agents, inbox members, assignee); no custom roles (Chatwoot Enterprise), so custom_role_id is null. */
public record AgentJson(long id, long accountId, String availabilityStatus, boolean autoOffline, boolean confirmed,
                        String email, String provider, String availableName, String name, String role, String thumbnail,
                        Long customRoleId) {

    public static AgentJson of(AgentView agent) {
        return new AgentJson(agent.id(), agent.accountId(), agent.availability().apiName(), agent.autoOffline(), agent.confirmed(),
                agent.email(), "email", agent.availableName(), agent.name(), agent.role().apiName(), "", null);
    }
}
