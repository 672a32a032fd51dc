package dev.parley.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A pgbench TPC-B run on the benchmark's own PostgreSQL, so figures from a shared machine compare by their ratio to it. */
final class Pgbench {

    private Pgbench() {
    }

    /** TPC-B (pgbench's default script) for 20 s with 8 clients on a database of its own in the same PostgreSQL; answers its TPS. */
    static double tpcB(DataSource dataSource, JdbcClient jdbc) throws Exception {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        URI uri = URI.create(hikari.getJdbcUrl().substring("jdbc:".length()));
        jdbc.sql("DROP DATABASE IF EXISTS parley_pgbench").update();
        jdbc.sql("CREATE DATABASE parley_pgbench").update();
        String user = hikari.getUsername() == null ? "postgres" : hikari.getUsername();
        run("pgbench", "-i", "-q", "-s", "10", "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", user, "parley_pgbench");
        String out = run("pgbench", "-c", "8", "-j", "2", "-T", "20", "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", user,
                "parley_pgbench");
        jdbc.sql("DROP DATABASE IF EXISTS parley_pgbench").update();
        return out.lines().filter(l -> l.startsWith("tps = ")).findFirst().map(l -> Double.parseDouble(l.split(" ")[2])).orElse(Double.NaN);
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(l -> out.append(l).append('\n'));
        }
        p.waitFor(120, TimeUnit.SECONDS);
        return out.toString();
    }
}
