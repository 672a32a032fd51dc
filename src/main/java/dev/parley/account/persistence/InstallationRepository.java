package dev.parley.account.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The installation's one-time onboarding claim. */
@Repository
public class InstallationRepository {

    private final JdbcClient jdbc;

    public InstallationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the installation was never onboarded and holds no account (a fresh installation). */
    public boolean installationFresh() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM installation_onboarding) AND NOT EXISTS (SELECT 1 FROM accounts)")
                .query(Boolean.class).single();
    }

    /** Claims the onboarding; false when another one got it first (a concurrent claim waits for the first to commit). */
    public boolean claimOnboarding() {
        return jdbc.sql("INSERT INTO installation_onboarding (id) VALUES (1) ON CONFLICT DO NOTHING").update() == 1
                && !jdbc.sql("SELECT EXISTS (SELECT 1 FROM accounts)").query(Boolean.class).single();
    }

    public void recordOnboardedAccount(long accountId) {
        jdbc.sql("UPDATE installation_onboarding SET account_id = ? WHERE id = 1").param(accountId).update();
    }
}
