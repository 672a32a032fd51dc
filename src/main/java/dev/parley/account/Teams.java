package dev.parley.account;

import dev.parley.account.persistence.AccountRepository;
import dev.parley.account.persistence.TeamRepository;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams of an account and their members. Names are stored lower-cased and unique per account. */
@Service
@Transactional
public class Teams {

    private final TeamRepository teams;
    private final AccountRepository accounts;

    public Teams(TeamRepository teams, AccountRepository accounts) {
        this.teams = teams;
        this.accounts = accounts;
    }

    public TeamView create(long accountId, String name, String description, Boolean allowAutoAssign) {
        new Errors().requireText("name", name).maxLength("name", name, 255).throwIfAny();
        String normalized = name.trim().toLowerCase();
        if (teams.nameTaken(accountId, normalized, null)) throw InvalidInput.of("name", "has already been taken");
        try {
            return teams.insert(accountId, normalized, description, allowAutoAssign == null || allowAutoAssign);
        } catch (org.springframework.dao.DuplicateKeyException createdMeanwhile) { // two creations of one name at once: one wins
            throw InvalidInput.of("name", "has already been taken");
        }
    }

    public TeamView update(long accountId, long id, String name, String description, Boolean allowAutoAssign) {
        get(accountId, id);
        new Errors().maxLength("name", name, 255).throwIfAny(); // as on create: a longer name would not fit the unique index
        String normalized = Errors.blankToNull(name) == null ? null : name.trim().toLowerCase();
        if (name != null && normalized == null) throw InvalidInput.of("name", "can't be blank");
        if (normalized != null && teams.nameTaken(accountId, normalized, id)) throw InvalidInput.of("name", "has already been taken");
        teams.update(id, normalized, description, allowAutoAssign);
        return get(accountId, id);
    }

    public void delete(long accountId, long id) {
        get(accountId, id);
        teams.delete(id);
    }

    @Transactional(readOnly = true)
    public TeamView get(long accountId, long id) {
        return teams.find(accountId, id).orElseThrow(() -> new ResourceNotFound("Team"));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<TeamView> find(long accountId, long id) {
        return teams.find(accountId, id);
    }

    @Transactional(readOnly = true)
    public List<TeamView> all(long accountId) {
        return teams.all(accountId);
    }

    @Transactional(readOnly = true)
    public List<Long> memberIds(long accountId, long teamId) {
        get(accountId, teamId);
        return teams.memberIds(teamId);
    }

    @Transactional(readOnly = true)
    public List<Long> teamIdsOf(long accountId, long userId) {
        return teams.teamIdsOf(accountId, userId);
    }

    public void addMembers(long accountId, long teamId, List<Long> userIds) {
        get(accountId, teamId);
        teams.addMembers(teamId, requireAgents(accountId, userIds));
    }

    /** Makes the team's members exactly the given users. */
    public void replaceMembers(long accountId, long teamId, List<Long> userIds) {
        get(accountId, teamId);
        List<Long> wanted = requireAgents(accountId, userIds);
        List<Long> current = teams.memberIds(teamId);
        teams.removeMembers(teamId, current.stream().filter(u -> !wanted.contains(u)).toList());
        teams.addMembers(teamId, wanted);
    }

    public void removeMembers(long accountId, long teamId, List<Long> userIds) {
        get(accountId, teamId);
        teams.removeMembers(teamId, userIds == null ? List.of() : userIds);
    }

    private List<Long> requireAgents(long accountId, List<Long> userIds) {
        if (userIds == null || userIds.isEmpty()) throw InvalidInput.of("user_ids", "can't be blank");
        List<Long> unknown = userIds.stream().filter(u -> u == null || accounts.findAgent(accountId, u).isEmpty()).toList();
        if (!unknown.isEmpty()) throw InvalidInput.of("user_ids", "are not agents of this account: " + unknown);
        return userIds.stream().distinct().toList();
    }
}
