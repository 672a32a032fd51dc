package dev.parley.web;

import dev.parley.account.AccountManagement;
import dev.parley.account.AccountQueries;
import dev.parley.account.UserView;
import dev.parley.shared.TooManyRequests;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Two doors. The dashboard ({@code /app/**}) signs people in with email and password into a session
 * cookie, with CSRF-protected forms. Everything else (the JSON APIs, public API, operations) stays
 * stateless: its token checks are the interceptors in this module, so Spring Security lets it through.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain dashboard(HttpSecurity http, AccountQueries accountQueries) throws Exception {
        http.securityMatcher("/app", "/app/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/app/login", SignInFailures.THROTTLED_PAGE, "/app/onboarding", "/app/password/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .addFilterAfter(new SessionEpochFilter(accountQueries), AnonymousAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/app/login").loginProcessingUrl("/app/login").usernameParameter("email")
                        .defaultSuccessUrl("/app", true).failureHandler(new SignInFailures()).permitAll())
                .logout(l -> l.logoutUrl("/app/logout").logoutSuccessUrl("/app/login?signed-out"));
        return http.build();
    }

    /**
     * The APIs' chain keeps only what a stateless JSON API uses from Spring Security, the security headers: no
     * session, security context, request cache, anonymous user or authorization filter (the token checks are this
     * module's interceptors). Every API request passes here, so each filter left out is a cost every message saves.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apis(HttpSecurity http) throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.disable())
                .securityContext(s -> s.disable())
                .requestCache(r -> r.disable())
                .anonymous(a -> a.disable())
                .servletApi(s -> s.disable())
                .exceptionHandling(e -> e.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable());
        return http.build();
    }

    /**
     * No Micrometer observation around each security filter: the HTTP request is observed once as a whole
     * ({@code http.server.requests}), and an observation per filter per request was a tenth of the request path's cost.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Checks the email and password against the users Parley keeps (bcrypt), throttled per email and client address. */
    @Bean
    AuthenticationProvider passwords(AccountManagement accounts, AccountQueries queries) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String email = authentication.getName();
                String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
                String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
                Optional<UserView> checked;
                try {
                    checked = accounts.checkPassword(email, password, address);
                } catch (TooManyRequests e) {
                    throw new SignInThrottled(e);
                }
                var user = checked.orElseThrow(() -> new BadCredentialsException("Email or password is wrong"));
                return UsernamePasswordAuthenticationToken.authenticated(new DashboardUser(user.id(), user.availableName(), user.email(),
                                queries.sessionEpoch(user.id())),
                        null, List.of(new SimpleGrantedAuthority("ROLE_USER")));
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }
}
