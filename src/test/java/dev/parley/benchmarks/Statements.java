package dev.parley.benchmarks;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL statements a benchmark window cost, as PostgreSQL counted them ({@code pg_stat_statements}; the database must
 * preload it: {@code parley.embedded-database.preload-libraries=pg_stat_statements}). Transaction control (BEGIN,
 * COMMIT, savepoints, SET) and the benchmark's own sampling queries are left out; pollers and timers are in.
 */
final class Statements {

    /** Statements that are not the application's work. */
    private static final String NOT_COUNTED = """
            query ~* '^\\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|SHOW|START|CREATE EXTENSION)'
            OR query ~ '(pg_stat_activity|pg_stat_database|pg_stat_statements|FROM reactor_cursors c|pg_backend_pid|pgbench)'""";

    private final JdbcClient jdbc;
    private boolean available;

    Statements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void reset() {
        try {
            jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
            jdbc.sql("SELECT pg_stat_statements_reset()").query(Object.class).single();
            available = true;
        } catch (RuntimeException e) {
            System.out.println("BENCH load: pg_stat_statements is not loaded in this PostgreSQL (" + e.getMessage().lines().findFirst().orElse("")
                    + "): statements are not counted");
        }
    }

    void print(long messages) {
        if (!available) return;
        String mine = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND NOT (" + NOT_COUNTED + ")";
        long total = jdbc.sql("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE " + mine).query(Long.class).single();
        System.out.printf("BENCH load: per accepted message: %.1f SQL statements (pg_stat_statements, pollers included)%n", total / (double) messages);
        System.out.println("BENCH load: statements in the window and the drain, most frequent first:");
        List<String> top = jdbc.sql("SELECT calls, regexp_replace(query, '\\s+', ' ', 'g') AS q FROM pg_stat_statements WHERE " + mine
                        + " ORDER BY calls DESC LIMIT 30")
                .query((rs, i) -> String.format("%8d  %s", rs.getLong("calls"), rs.getString("q").substring(0, Math.min(160, rs.getString("q").length()))))
                .list();
        top.forEach(line -> System.out.println("BENCH sql " + line));
    }
}
