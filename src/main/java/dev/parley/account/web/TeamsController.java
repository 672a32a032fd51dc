package dev.parley.account.web;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentJson;
import dev.parley.account.Membership;
import dev.parley.account.TeamJson;
import dev.parley.account.Teams;
import dev.parley.shared.AdministratorOnly;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Teams and team members; agents may read, administrators change. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/teams")
class TeamsController {

    private final Teams teams;
    private final AccountQueries accounts;

    TeamsController(Teams teams, AccountQueries accounts) {
        this.teams = teams;
        this.accounts = accounts;
    }

    record TeamRequest(String name, String description, Boolean allowAutoAssign) {
    }

    record MembersRequest(List<Long> userIds) {
    }

    @GetMapping
    List<TeamJson> index(Membership me) {
        List<Long> mine = teams.teamIdsOf(me.accountId(), me.userId());
        return teams.all(me.accountId()).stream().map(t -> TeamJson.of(t, mine.contains(t.id()))).toList();
    }

    @GetMapping("/{id}")
    TeamJson show(Membership me, @PathVariable long id) {
        return json(me, teams.get(me.accountId(), id));
    }

    @PostMapping
    @AdministratorOnly
    TeamJson create(Membership me, @RequestBody TeamRequest body) {
        return json(me, teams.create(me.accountId(), body.name(), body.description(), body.allowAutoAssign()));
    }

    @PatchMapping("/{id}")
    @AdministratorOnly
    TeamJson update(Membership me, @PathVariable long id, @RequestBody TeamRequest body) {
        return json(me, teams.update(me.accountId(), id, body.name(), body.description(), body.allowAutoAssign()));
    }

    @PutMapping("/{id}")
    @AdministratorOnly
    TeamJson replace(Membership me, @PathVariable long id, @RequestBody TeamRequest body) {
        return update(me, id, body);
    }

    @DeleteMapping("/{id}")
    @AdministratorOnly
    Map<String, Object> delete(Membership me, @PathVariable long id) {
        teams.delete(me.accountId(), id);
        return Map.of();
    }

    @GetMapping("/{id}/team_members")
    List<AgentJson> members(Membership me, @PathVariable long id) {
        return agents(me, teams.memberIds(me.accountId(), id));
    }

    @PostMapping("/{id}/team_members")
    @AdministratorOnly
    List<AgentJson> addMembers(Membership me, @PathVariable long id, @RequestBody MembersRequest body) {
        teams.addMembers(me.accountId(), id, body.userIds());
        return members(me, id);
    }

    @PatchMapping("/{id}/team_members")
    @AdministratorOnly
    List<AgentJson> replaceMembers(Membership me, @PathVariable long id, @RequestBody MembersRequest body) {
        teams.replaceMembers(me.accountId(), id, body.userIds());
        return members(me, id);
    }

    @DeleteMapping("/{id}/team_members")
    @AdministratorOnly
    Map<String, Object> removeMembers(Membership me, @PathVariable long id, @RequestBody MembersRequest body) {
        teams.removeMembers(me.accountId(), id, body.userIds());
        return Map.of();
    }

    private TeamJson json(Membership me, dev.parley.account.TeamView team) {
        return TeamJson.of(team, teams.teamIdsOf(me.accountId(), me.userId()).contains(team.id()));
    }

    private List<AgentJson> agents(Membership me, List<Long> userIds) {
        return userIds.stream().flatMap(u -> accounts.agent(me.accountId(), u).stream()).map(AgentJson::of).toList();
    }
}
