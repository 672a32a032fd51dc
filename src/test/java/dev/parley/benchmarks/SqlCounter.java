package dev.parley.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application sends and the transactions it commits (an explicit
 * {@code commit()}, or a statement run in auto-commit, which PostgreSQL commits on its own), by
 * wrapping the application's DataSource. Statements on scheduler threads (pollers that run whether or
 * not a message arrives) are left out, so the counts are what messages cause.
 */
public class SqlCounter implements BeanPostProcessor {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch", "executeLargeUpdate");

    public final AtomicLong statements = new AtomicLong();
    public final AtomicLong commits = new AtomicLong();
    /** Statements by SQL text (the profile: which statements a message costs). */
    public final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> bySql = new java.util.concurrent.ConcurrentHashMap<>();

    /** The most frequent statements, most first, as "count  sql". */
    public java.util.List<String> top(int n) {
        return bySql.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum())).limit(n)
                .map(e -> String.format("%8d  %s", e.getValue().sum(), e.getKey().replaceAll("\\s+", " ").substring(0, Math.min(160,
                        e.getKey().replaceAll("\\s+", " ").length())))).toList();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        // the Hikari pool is wrapped by ReactorConnections first (HTTP and reactor pools); count behind that
        if (!(bean instanceof DataSource ds) || bean instanceof DelegatingDataSource || bean instanceof com.zaxxer.hikari.HikariDataSource) return bean;
        return new DelegatingDataSource(ds) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                return connection(super.getConnection());
            }
        };
    }

    public void reset() {
        statements.set(0);
        commits.set(0);
        bySql.clear();
    }

    /** The benchmark's own thread, whose polling is not counted. */
    public volatile Thread ignored;

    private boolean counted() {
        return Thread.currentThread() != ignored && !Thread.currentThread().getName().startsWith("scheduling")
                && !Thread.currentThread().getName().startsWith("timer-");
    }

    private Connection connection(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if (method.getName().equals("commit") && counted()) commits.incrementAndGet();
            Object result = invoke(real, method, args);
            String sql = method.getName().startsWith("prepare") && args != null && args.length > 0 && args[0] instanceof String text ? text : null;
            if (result instanceof Statement s && !method.getName().equals("unwrap")) return statement(s, real, method.getReturnType(), sql);
            return result;
        });
    }

    private Object statement(Statement real, Connection connection, Class<?> type, String prepared) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (EXECUTIONS.contains(method.getName()) && counted()) {
                statements.incrementAndGet();
                String sql = prepared != null ? prepared : args != null && args.length > 0 && args[0] instanceof String text ? text : "(batch)";
                bySql.computeIfAbsent(sql, k -> new java.util.concurrent.atomic.LongAdder()).increment();
                if (connection.getAutoCommit()) commits.incrementAndGet();
            }
            return invoke(real, method, args);
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
