package dev.parley.account.web;

import dev.parley.account.AccountManagement;
import dev.parley.account.AccountQueries;
import dev.parley.account.AccountView;
import dev.parley.account.AgentView;
import dev.parley.account.UserView;
import dev.parley.shared.Actor;
import dev.parley.shared.Errors;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Chatwoot's platform API: installations create accounts, users and memberships with the platform token. */
@RestController
@RequestMapping("/platform/api/v1")
class PlatformController {

    private final AccountManagement management;
    private final AccountQueries queries;

    PlatformController(AccountManagement management, AccountQueries queries) {
        this.management = management;
        this.queries = queries;
    }

    record AccountRequest(String name, String locale, String domain, String supportEmail) {
    }

    record AccountJson(long id, String name, String locale, String domain, String supportEmail, String status, long createdAt) {
        static AccountJson of(AccountView a) {
            return new AccountJson(a.id(), a.name(), a.locale(), a.domain(), a.supportEmail(), a.status(), a.createdAt().getEpochSecond());
        }
    }

    record UserRequest(String name, String displayName, String email, String password) {
    }

    record AccountUserRequest(Long userId, String role) {
    }

    record AccountUserJson(long accountId, long userId, String role) {
    }

    @PostMapping("/accounts")
    AccountJson createAccount(@RequestBody AccountRequest body) {
        return AccountJson.of(management.createAccount(body.name(), body.locale(), body.domain(), body.supportEmail()));
    }

    @GetMapping("/accounts/{id}")
    AccountJson account(@PathVariable long id) {
        return AccountJson.of(queries.account(id));
    }

    @PatchMapping("/accounts/{id}")
    AccountJson updateAccount(@PathVariable long id, @RequestBody AccountRequest body) {
        return AccountJson.of(management.updateAccount(id, body.name(), body.locale(), body.domain(), body.supportEmail()));
    }

    @DeleteMapping("/accounts/{id}")
    Map<String, Object> deleteAccount(@PathVariable long id) {
        management.deleteAccount(id);
        return Map.of();
    }

    @PostMapping("/users")
    PlatformUserJson createUser(@RequestBody UserRequest body) {
        return rendered(management.createUser(body.name(), body.displayName(), body.email(), body.password()));
    }

    @GetMapping("/users/{id}")
    PlatformUserJson user(@PathVariable long id) {
        return rendered(queries.user(id));
    }

    @PatchMapping("/users/{id}")
    PlatformUserJson updateUser(@PathVariable long id, @RequestBody UserRequest body) {
        return rendered(management.updateUser(id, body.name(), body.displayName(), body.email(), body.password()));
    }

    @DeleteMapping("/users/{id}")
    Map<String, Object> deleteUser(@PathVariable long id) {
        management.deleteUser(id, Actor.system());
        return Map.of();
    }

    @GetMapping("/accounts/{id}/account_users")
    List<AccountUserJson> accountUsers(@PathVariable long id) {
        queries.account(id);
        return queries.agents(id).stream().map(a -> new AccountUserJson(id, a.id(), a.role().apiName())).toList();
    }

    @PostMapping("/accounts/{id}/account_users")
    AccountUserJson addAccountUser(@PathVariable long id, @RequestBody AccountUserRequest body) {
        var errors = new Errors().requireText("role", body.role());
        if (body.userId() == null) errors.add("user_id", "can't be blank");
        errors.throwIfAny();
        management.addAccountUser(id, body.userId(), body.role());
        AgentView agent = queries.agent(id, body.userId()).orElseThrow();
        return new AccountUserJson(id, agent.id(), agent.role().apiName());
    }

    @DeleteMapping("/accounts/{id}/account_users")
    Map<String, Object> removeAccountUser(@PathVariable long id, @RequestBody AccountUserRequest body) {
        if (body.userId() == null) new Errors().add("user_id", "can't be blank").throwIfAny();
        management.removeAccountUser(id, body.userId(), Actor.system());
        return Map.of();
    }

    private PlatformUserJson rendered(UserView user) {
        return PlatformUserJson.of(user, queries.memberships(user.id()), accountId -> queries.account(accountId).name());
    }
}
