package dev.parley.account;

/** Chatwoot's agent JSON, shared by every endpoint that shows an agent (agents, inbox members, assignee). */
public record AgentJson(long id, long accountId, String availabilityStatus, boolean autoOffline, boolean confirmed,
                        String email, String provider, String availableName, String name, String role, String thumbnail) {

    public static AgentJson of(AgentView agent) {
        return new AgentJson(agent.id(), agent.accountId(), agent.availability().apiName(), agent.autoOffline(), true,
                agent.email(), "email", agent.availableName(), agent.name(), agent.role().apiName(), "");
    }
}
