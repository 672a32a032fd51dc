package dev.parley.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The reactors (event listeners, threads named {@code reactor-}) and the timers (threads named {@code timer-})
 * get a connection pool of their own, so 200 HTTP threads waiting for connections under load never starve the
 * work that reacts to what they stored, and the other way round. Wraps the application's Hikari pool: same
 * database and credentials, a second pool of {@code parley.reactors.pool-size} connections, whose connections
 * carry {@code application_name = parley-reactors} (so {@code pg_stat_activity} shows who holds what).
 */
public final class ReactorConnections extends AbstractRoutingDataSource implements AutoCloseable {

    static final String REACTOR_THREADS = "reactor-";
    static final String TIMER_THREADS = "timer-";

    private final HikariDataSource http;
    private final HikariDataSource reactors;

    private ReactorConnections(HikariDataSource http, HikariDataSource reactors) {
        this.http = http;
        this.reactors = reactors;
        setTargetDataSources(Map.of("http", http, "reactors", reactors));
        setDefaultTargetDataSource(http);
        afterPropertiesSet();
    }

    static ReactorConnections around(HikariDataSource http, int reactorPoolSize) {
        // A fresh config, not copyStateTo: that shares the driver properties object, so labelling this pool would
        // relabel the HTTP pool's new connections too.
        var config = new HikariConfig();
        config.setJdbcUrl(http.getJdbcUrl());
        config.setUsername(http.getUsername());
        config.setPassword(http.getPassword());
        if (http.getDriverClassName() != null) config.setDriverClassName(http.getDriverClassName());
        http.getDataSourceProperties().forEach((key, value) -> config.addDataSourceProperty(String.valueOf(key), value));
        config.addDataSourceProperty("ApplicationName", "parley-reactors");
        config.setConnectionTimeout(http.getConnectionTimeout());
        config.setPoolName(http.getPoolName() == null ? "parley-reactors" : http.getPoolName() + "-reactors");
        config.setMaximumPoolSize(reactorPoolSize);
        config.setMinimumIdle(Math.min(2, reactorPoolSize));
        config.setIdleTimeout(http.getIdleTimeout());
        return new ReactorConnections(http, new HikariDataSource(config));
    }

    /** True on the threads that react to events or run timers. */
    static boolean onReactorThread() {
        String name = Thread.currentThread().getName();
        return name.startsWith(REACTOR_THREADS) || name.startsWith(TIMER_THREADS);
    }

    @Override
    protected Object determineCurrentLookupKey() {
        return onReactorThread() ? "reactors" : "http";
    }

    @Override
    public void close() {
        reactors.close();
        http.close();
    }

    /** Wraps the application's Hikari {@code dataSource} bean, whoever made it (the embedded database or Spring Boot). */
    static Wrapper wrapper(Environment environment) {
        return new Wrapper(environment.getProperty("parley.reactors.pool-size", Integer.class, 10));
    }

    /** Runs before other post-processors (its type says so before it exists), so they see the routing data source. */
    static final class Wrapper implements BeanPostProcessor, org.springframework.core.PriorityOrdered {

        private final int size;

        private Wrapper(int size) {
            this.size = size;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof HikariDataSource hikari && "dataSource".equals(beanName)) return around(hikari, size);
            return bean;
        }

        @Override
        public int getOrder() {
            return org.springframework.core.Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
