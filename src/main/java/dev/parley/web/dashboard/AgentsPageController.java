package dev.parley.web.dashboard;

import dev.parley.account.AccountManagement;
import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.account.Invitations;
import dev.parley.account.PasswordLinkMail;
import dev.parley.account.PasswordLinks;
import dev.parley.account.Membership;
import dev.parley.presence.PresenceQueries;
import dev.parley.conversation.ConversationQueries;
import dev.parley.shared.InvalidInput;
import dev.parley.web.DashboardUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agents page: role, live availability and open conversations; administrators invite (a link to set a password,
 * mailed or shown to hand over), resend invitations, make password reset links, edit and remove.
 */
@Controller
class AgentsPageController {

    private final DashboardContext context;
    private final AccountQueries accounts;
    private final AccountManagement accountManagement;
    private final PresenceQueries presence;
    private final ConversationQueries conversations;
    private final Invitations invitations;
    private final PasswordLinks links;
    private final PasswordLinkMail mail;

    AgentsPageController(DashboardContext context, AccountQueries accounts, AccountManagement accountManagement, PresenceQueries presence,
                         ConversationQueries conversations, Invitations invitations, PasswordLinks links, PasswordLinkMail mail) {
        this.context = context;
        this.accounts = accounts;
        this.accountManagement = accountManagement;
        this.presence = presence;
        this.conversations = conversations;
        this.invitations = invitations;
        this.links = links;
        this.mail = mail;
    }

    /**
     * A link made for someone: mailed ({@code sent}), or shown once to the administrator to hand over (without SMTP, or
     * when the mail server refused it).
     */
    record Handover(String kind, String name, String email, String url, boolean sent) {
    }

    /** An agent row: who, role, live availability, open conversations. */
    record AgentRow(long id, String name, String email, String role, boolean online, String availability, long open, boolean invited) {
    }

    @GetMapping("/app/accounts/{accountId}/agents")
    String agents(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(required = false) Long edit,
                  Model model) {
        Membership me = context.membership(user, accountId);
        agentsModel(me, model);
        if (edit != null && me.isAdministrator()) {
            model.addAttribute("editing", ((List<?>) model.getAttribute("agents")).stream().map(AgentRow.class::cast)
                    .filter(a -> a.id() == edit).findFirst().orElseThrow(() -> new dev.parley.shared.ResourceNotFound("Agent")));
        }
        return "app/agents";
    }

    /** The live part of the agents page: presence, availability and open conversations change under the admin's eyes. */
    @GetMapping("/app/accounts/{accountId}/agents/table")
    String agentsTable(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, Model model) {
        agentsModel(context.membership(user, accountId), model);
        return "app/agents :: table";
    }

    private void agentsModel(Membership me, Model model) {
        long accountId = me.accountId();
        List<AgentView> all = accounts.agents(accountId);
        List<Long> ids = all.stream().map(AgentView::id).toList();
        Set<Long> online = presence.onlineAmong(accountId, ids);
        Map<Long, Long> open = conversations.openCounts(accountId, null, ids);
        Set<Long> invited = invitations.pending(accountId);
        List<AgentRow> rows = new ArrayList<>();
        for (AgentView a : all) {
            rows.add(new AgentRow(a.id(), a.availableName(), a.email(), a.role().apiName(), online.contains(a.id()), a.availability().apiName(),
                    open.getOrDefault(a.id(), 0L), invited.contains(a.id())));
        }
        model.addAttribute("me", me);
        model.addAttribute("accountId", accountId);
        model.addAttribute("agents", rows);
    }

    @PostMapping("/app/accounts/{accountId}/agents")
    String addAgent(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam String name, @RequestParam String email,
                    @RequestParam(defaultValue = "agent") String role, Model model, RedirectAttributes redirect) {
        Membership me = context.administrator(user, accountId);
        Invitations.Invitation invitation;
        try {
            invitation = invitations.invite(accountId, name, email, role, null, null, me.actor());
        } catch (InvalidInput e) {
            model.addAttribute("error", e.getMessage());
            return agents(user, accountId, null, model);
        }
        AgentView agent = invitation.agent();
        if (invitation.token() != null) {
            boolean sent = mail.sendInvitation(agent.email(), me.name(), accounts.account(accountId).name(), invitation.token());
            handOver(redirect, "invitation", agent, invitation.token(), sent);
        }
        return "redirect:/app/accounts/" + accountId + "/agents";
    }

    /** A new invitation link for someone who has not set a password yet (the earlier one stops working). */
    @PostMapping("/app/accounts/{accountId}/agents/{agentId}/invitation")
    String resendInvitation(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long agentId, Model model,
                            RedirectAttributes redirect) {
        Membership me = context.administrator(user, accountId);
        Invitations.Invitation invitation;
        try {
            invitation = invitations.resend(accountId, agentId);
        } catch (InvalidInput e) {
            model.addAttribute("error", e.getMessage());
            return agents(user, accountId, null, model);
        }
        AgentView agent = invitation.agent();
        boolean sent = mail.sendInvitation(agent.email(), me.name(), accounts.account(accountId).name(), invitation.token());
        handOver(redirect, "invitation", agent, invitation.token(), sent);
        return "redirect:/app/accounts/" + accountId + "/agents";
    }

    /** A password reset link for a member (Chatwoot's "reset password" in the agent's edit form). */
    @PostMapping("/app/accounts/{accountId}/agents/{agentId}/password-reset")
    String passwordReset(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long agentId,
                         RedirectAttributes redirect) {
        context.administrator(user, accountId);
        AgentView agent = accounts.agent(accountId, agentId).orElseThrow(() -> new dev.parley.shared.ResourceNotFound("Agent"));
        String token = links.resetLinkFor(accountId, agentId);
        handOver(redirect, "password reset", agent, token, mail.sendPasswordReset(agent.email(), token));
        return "redirect:/app/accounts/" + accountId + "/agents";
    }

    /** The agents page after the redirect says the link was mailed, or shows it once to hand over. */
    private void handOver(RedirectAttributes redirect, String kind, AgentView agent, String token, boolean sent) {
        redirect.addFlashAttribute("handover", new Handover(kind, agent.availableName(), agent.email(), mail.url(token), sent));
    }

    /** Edit (name, role, availability) or remove an agent. */
    @PostMapping("/app/accounts/{accountId}/agents/{agentId}")
    String editAgent(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long agentId,
                     @RequestParam(defaultValue = "") String action, @RequestParam(required = false) String name,
                     @RequestParam(required = false) String role, @RequestParam(required = false) String availability, Model model) {
        Membership me = context.administrator(user, accountId);
        try {
            if ("remove".equals(action)) {
                accountManagement.removeAgent(accountId, agentId, me.actor());
            } else {
                if (name != null && name.isBlank()) throw InvalidInput.of("name", "can't be blank");
                accountManagement.updateAgent(accountId, agentId, name, role, availability, null, me.actor());
            }
        } catch (InvalidInput e) {
            model.addAttribute("error", e.getMessage());
            return agents(user, accountId, "remove".equals(action) ? null : agentId, model);
        }
        return "redirect:/app/accounts/" + accountId + "/agents";
    }
}
