package dev.parley.account;

import dev.parley.account.persistence.InstallationRepository;
import dev.parley.shared.Actor;
import dev.parley.shared.Errors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chatwoot's installation onboarding: on a fresh installation (never onboarded, no account) the first visitor creates
 * the organisation (an account) and its first administrator, who starts online. It happens once: the claim is a row
 * only one transaction can insert, so of two browsers onboarding at once one wins and the other is refused.
 */
@Service
@Transactional
public class Installation {

    /** What onboarding made: the account and its administrator. */
    public record Onboarded(long accountId, UserView administrator) {
    }

    private final InstallationRepository installation;
    private final AccountManagement accounts;

    Installation(InstallationRepository installation, AccountManagement accounts) {
        this.installation = installation;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public boolean fresh() {
        return installation.installationFresh();
    }

    /** Creates the account and its administrator; {@link OnboardingClosed} once the installation was onboarded or has accounts. */
    public Onboarded onboard(String organisation, String name, String email, String password, String confirmation) {
        var errors = new Errors().requireText("account_name", organisation).maxLength("account_name", organisation, 255)
                .requireText("name", name).maxLength("name", name, 255).requireText("email", email).email("email", email)
                .maxLength("email", email, 255).requireText("password", password);
        if (password != null && !password.isEmpty()) AccountManagement.passwordLength(errors, "password", password);
        if (password != null && !password.equals(confirmation)) errors.add("password_confirmation", "doesn't match Password");
        errors.throwIfAny();
        if (!installation.claimOnboarding()) throw new OnboardingClosed();
        AccountView account = accounts.createAccount(organisation, null, null, null);
        UserView admin = accounts.createUser(name, null, email, password);
        accounts.addAccountUser(account.id(), admin.id(), Role.ADMINISTRATOR.apiName());
        accounts.changeAvailability(account.id(), admin.id(), Availability.ONLINE.apiName(), Actor.user(admin.id(), admin.name()));
        installation.recordOnboardedAccount(account.id());
        return new Onboarded(account.id(), admin);
    }
}
