package dev.parley.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 inside the application when no {@code spring.datasource.url} is given,
 * so {@code ./mvnw spring-boot:run} works on a machine with no database installed. Data lives in
 * {@code parley.data-dir} (env {@code PARLEY_DATA_DIR}, default {@code ./data}); an empty value means a
 * throw-away temporary directory, which is what tests use. After a crash it first stops a PostgreSQL an
 * earlier run left on the directory and waits out crash recovery ({@link EmbeddedDatabase}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${parley.data-dir:}") String dataDir,
                                      @Value("${parley.embedded-database.startup-wait:PT120S}") Duration startupWait,
                                      @Value("${parley.embedded-database.stop-timeout:PT60S}") Duration stopTimeout,
                                      @Value("${parley.embedded-database.preload-libraries:}") String preloadLibraries) throws IOException {
        boolean temporary = dataDir == null || dataDir.isBlank();
        Path directory = temporary ? Files.createTempDirectory("parley-pg-") : Path.of(dataDir).toAbsolutePath();
        log.info("Starting embedded PostgreSQL in {}{}", directory, temporary ? " (temporary)" : "");
        return EmbeddedDatabase.start(directory, temporary, startupWait, stopTimeout, preloadLibraries);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDatabase postgres) {
        var config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        // connections open as load needs them and close after 30 s idle, so an idle node (or an idle test context)
        // holds a few, not twenty, of PostgreSQL's connection slots
        config.setMinimumIdle(2);
        config.setIdleTimeout(30_000);
        config.setPoolName("parley-embedded");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot connect to embedded PostgreSQL", e));
        }
    }
}
