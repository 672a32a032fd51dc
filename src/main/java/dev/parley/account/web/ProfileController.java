package dev.parley.account.web;

import dev.parley.account.AccountManagement;
import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.account.AuthenticatedUser;
import dev.parley.account.UserView;
import dev.parley.shared.Actor;
import dev.parley.shared.Errors;
import dev.parley.shared.ResourceNotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's own profile: accounts, availability per account and auto_offline (Chatwoot's profile API).
 * One transaction per request: an update whose name is refused must not leave a changed password behind.
 */
@RestController
@RequestMapping("/api/v1/profile")
@Transactional
class ProfileController {

    private final AccountQueries queries;
    private final AccountManagement management;

    ProfileController(AccountQueries queries, AccountManagement management) {
        this.queries = queries;
        this.management = management;
    }

    record ProfileAccount(long id, String name, String role, String availability, String availabilityStatus, boolean autoOffline,
                          String status, String activeAt, List<String> permissions, Long customRoleId, Object customRole) {

        /** Chatwoot's permissions are the role itself when there are no custom roles (Chatwoot Enterprise). */
        ProfileAccount(long id, String name, String role, String availability, String availabilityStatus, boolean autoOffline,
                       String status) {
            this(id, name, role, availability, availabilityStatus, autoOffline, status, null, List.of(role), null, null);
        }
    }

    record ProfileJson(long id, String name, String displayName, String availableName, String email, String accessToken,
                       Long accountId, String role, String availabilityStatus, String type, boolean confirmed,
                       List<ProfileAccount> accounts, String avatarUrl, String messageSignature, String hmacIdentifier,
                       Long inviterId, String provider, String pubsubToken, Map<String, Object> uiSettings, String uid,
                       Map<String, Object> customAttributes) {

        /**
         * The rest of Chatwoot's user keys: Parley has no avatars, signatures, invitations by user, ActionCable
         * (pubsub), UI settings or custom attributes on users, so they are empty; the uid is the email, as
         * Devise's email provider makes it.
         */
        ProfileJson(long id, String name, String displayName, String availableName, String email, String accessToken,
                    Long accountId, String role, String availabilityStatus, String type, boolean confirmed,
                    List<ProfileAccount> accounts) {
            this(id, name, displayName, availableName, email, accessToken, accountId, role, availabilityStatus, type, confirmed,
                    accounts, "", null, null, null, "email", null, Map.of(), email, Map.of());
        }
    }

    record ProfileUpdate(String name, String displayName, String availability, Long accountId, Boolean autoOffline, String currentPassword,
                         String password, String passwordConfirmation) {
    }

    record ProfileRequest(ProfileUpdate profile) {
        ProfileUpdate body() {
            return profile == null ? new ProfileUpdate(null, null, null, null, null, null, null, null) : profile;
        }
    }

    @GetMapping
    ProfileJson show(AuthenticatedUser caller) {
        return profile(caller);
    }

    @PutMapping
    ProfileJson update(AuthenticatedUser caller, @RequestBody ProfileRequest request, HttpServletRequest http) {
        ProfileUpdate body = request.body();
        if (body.password() != null || body.currentPassword() != null) {
            management.changePassword(caller.id(), body.currentPassword(), body.password(), body.passwordConfirmation(),
                    http.getRemoteAddr());
        }
        management.updateProfile(caller.id(), body.name(), body.displayName());
        return profile(caller);
    }

    /** Chatwoot's reset: a new access token in the answer; the old one stops working at once. */
    @PostMapping("/reset_access_token")
    ProfileJson resetAccessToken(AuthenticatedUser caller) {
        management.resetAccessToken(caller.id());
        return profile(caller);
    }

    @PatchMapping
    ProfileJson patch(AuthenticatedUser caller, @RequestBody ProfileRequest request, HttpServletRequest http) {
        return update(caller, request, http);
    }

    @PostMapping("/availability")
    ProfileJson availability(AuthenticatedUser caller, @RequestBody ProfileRequest request) {
        ProfileUpdate body = request.body();
        var errors = new Errors().requireText("availability", body.availability());
        if (body.accountId() == null) errors.add("account_id", "can't be blank");
        errors.throwIfAny();
        requireMember(caller, body.accountId());
        management.changeAvailability(body.accountId(), caller.id(), body.availability(), Actor.user(caller.id(), caller.name()));
        return profile(caller);
    }

    @PostMapping("/auto_offline")
    ProfileJson autoOffline(AuthenticatedUser caller, @RequestBody ProfileRequest request) {
        ProfileUpdate body = request.body();
        var errors = new Errors();
        if (body.accountId() == null) errors.add("account_id", "can't be blank");
        if (body.autoOffline() == null) errors.add("auto_offline", "can't be blank");
        errors.throwIfAny();
        requireMember(caller, body.accountId());
        management.changeAutoOffline(body.accountId(), caller.id(), body.autoOffline(), Actor.user(caller.id(), caller.name()));
        return profile(caller);
    }

    private void requireMember(AuthenticatedUser caller, long accountId) {
        if (queries.agent(accountId, caller.id()).isEmpty()) throw new ResourceNotFound("Account");
    }

    private ProfileJson profile(AuthenticatedUser caller) {
        UserView user = queries.user(caller.id());
        List<AgentView> memberships = queries.memberships(caller.id());
        List<ProfileAccount> accounts = memberships.stream().map(m -> new ProfileAccount(m.accountId(),
                queries.account(m.accountId()).name(), m.role().apiName(), m.availability().apiName(), m.availability().apiName(),
                m.autoOffline(), "active")).toList();
        AgentView first = memberships.isEmpty() ? null : memberships.get(0);
        return new ProfileJson(user.id(), user.name(), user.displayName(), user.availableName(), user.email(), user.accessToken(),
                first == null ? null : first.accountId(), first == null ? null : first.role().apiName(),
                first == null ? null : first.availability().apiName(), "User", true, accounts);
    }
}
