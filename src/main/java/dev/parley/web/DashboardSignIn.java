package dev.parley.web;

import dev.parley.account.AccountQueries;
import dev.parley.account.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a person in to the dashboard without the sign-in form (after onboarding), or re-signs the current session under a new epoch. */
@Component
public class DashboardSignIn {

    private final AccountQueries accounts;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    DashboardSignIn(AccountQueries accounts) {
        this.accounts = accounts;
    }

    public void signIn(UserView user, HttpServletRequest request, HttpServletResponse response) {
        save(new DashboardUser(user.id(), user.availableName(), user.email(), accounts.sessionEpoch(user.id())), request, response);
    }

    /** Keeps this session signed in after the person's epoch moved on (she signed out everywhere else from here). */
    public void keep(DashboardUser user, HttpServletRequest request, HttpServletResponse response) {
        save(new DashboardUser(user.id(), user.name(), user.email(), accounts.sessionEpoch(user.id())), request, response);
    }

    private void save(DashboardUser principal, HttpServletRequest request, HttpServletResponse response) {
        // a new session id whenever who is signed in changes (session fixation)
        if (request.getSession(false) != null) request.changeSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
