package dev.parley.account.web;

import dev.parley.account.AccountManagement;
import dev.parley.account.AccountQueries;
import dev.parley.account.AgentJson;
import dev.parley.account.Invitations;
import dev.parley.account.PasswordLinkMail;
import dev.parley.account.Membership;
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

/** The account's agents: everyone may list them, administrators add, change and remove them. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/agents")
class AgentsController {

    private final AccountQueries queries;
    private final AccountManagement management;
    private final Invitations invitations;
    private final PasswordLinkMail mail;

    AgentsController(AccountQueries queries, AccountManagement management, Invitations invitations, PasswordLinkMail mail) {
        this.queries = queries;
        this.management = management;
        this.invitations = invitations;
        this.mail = mail;
    }

    record AgentRequest(String name, String email, String role, String availabilityStatus, String availability, Boolean autoOffline) {
        String chosenAvailability() {
            return availabilityStatus != null ? availabilityStatus : availability;
        }
    }

    @GetMapping
    List<AgentJson> index(Membership me) {
        return queries.agents(me.accountId()).stream().map(AgentJson::of).toList();
    }

    @PostMapping
    @AdministratorOnly
    AgentJson create(Membership me, @RequestBody AgentRequest body) {
        // as Chatwoot's: someone without a password is invited by email (when SMTP is configured) to set one
        var invitation = invitations.invite(me.accountId(), body.name(), body.email(), body.role(), body.chosenAvailability(),
                body.autoOffline(), me.actor());
        if (invitation.token() != null) {
            mail.sendInvitation(invitation.agent().email(), me.name(), queries.account(me.accountId()).name(), invitation.token());
        }
        return AgentJson.of(invitation.agent());
    }

    @PatchMapping("/{id}")
    @AdministratorOnly
    AgentJson update(Membership me, @PathVariable long id, @RequestBody AgentRequest body) {
        return AgentJson.of(management.updateAgent(me.accountId(), id, body.name(), body.role(), body.chosenAvailability(),
                body.autoOffline(), me.actor()));
    }

    @PutMapping("/{id}")
    @AdministratorOnly
    AgentJson replace(Membership me, @PathVariable long id, @RequestBody AgentRequest body) {
        return update(me, id, body);
    }

    @DeleteMapping("/{id}")
    @AdministratorOnly
    Map<String, Object> delete(Membership me, @PathVariable long id) {
        management.removeAgent(me.accountId(), id, me.actor());
        return Map.of();
    }
}
