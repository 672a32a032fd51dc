package dev.parley.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.Parley;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** A second Parley node on the test context's database (its own port, its own reactors, caches and LISTEN connection). */
public final class SecondNode {

    private SecondNode() {
    }

    /** Starts it with the test context's platform token; {@code extra} adds or overrides settings ({@code --key=value}). */
    public static ConfigurableApplicationContext on(DataSource dataSource, String... extra) {
        HikariDataSource db;
        try {
            db = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + db.getJdbcUrl(), "--spring.datasource.username=" + db.getUsername(),
                "--spring.datasource.password=" + (db.getPassword() == null ? "" : db.getPassword()),
                "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                "--parley.platform-token=" + IntegrationTest.PLATFORM_TOKEN, "--spring.jmx.enabled=false"));
        args.addAll(List.of(extra));
        return new SpringApplication(Parley.class).run(args.toArray(String[]::new));
    }

    /** The port the node's server listens on. */
    public static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }
}
