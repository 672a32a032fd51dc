package dev.parley.account.web;

import dev.parley.account.AgentView;
import dev.parley.account.UserView;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A user as Chatwoot's platform API renders one (its platform user partial): the user's keys, the role in the
 * first account it belongs to, and its memberships. Parley has no avatars, signatures, ActionCable (pubsub),
 * UI settings or custom attributes on users, so those are empty; the uid is the email, as Devise's email
 * provider makes it.
 */
record PlatformUserJson(long id, String name, String displayName, String availableName, String email, String accessToken,
                        String type, boolean confirmed, Long accountId, String role, String avatarUrl, String messageSignature,
                        String provider, String pubsubToken, Map<String, Object> uiSettings, String uid,
                        Map<String, Object> customAttributes, List<Membership> accounts) {

    /** One account the user belongs to; Parley keeps no per-account activity time. */
    record Membership(long id, String name, String activeAt, String role) {
    }

    static PlatformUserJson of(UserView user, List<AgentView> memberships, LongFunction<String> accountName) {
        AgentView first = memberships.isEmpty() ? null : memberships.get(0);
        List<Membership> accounts = memberships.stream()
                .map(m -> new Membership(m.accountId(), accountName.apply(m.accountId()), null, m.role().apiName())).toList();
        return new PlatformUserJson(user.id(), user.name(), user.displayName(), user.availableName(), user.email(),
                user.accessToken(), "User", true, first == null ? null : first.accountId(), first == null ? null : first.role().apiName(),
                "", null, "email", null, Map.of(), user.email(), Map.of(), accounts);
    }
}
