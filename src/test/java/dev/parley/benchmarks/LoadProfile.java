package dev.parley.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a benchmark's time goes, measured while it runs: CPU of this JVM, of the PostgreSQL it talks to (postmaster
 * and backends, from {@code /proc}) and of the whole machine; what PostgreSQL's connections are doing (sampled from
 * {@code pg_stat_activity}: on CPU, waiting on what, or idle in a transaction, i.e. waiting for the JVM); and a JFR
 * recording ({@code target/load-scenario.jfr}) summed up by thread group, by hottest frame and by library on the stack.
 * Off with {@code -Dload.profile=false}.
 */
final class LoadProfile {

    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    private final JdbcClient jdbc;
    private final Path jfrFile = Path.of("target", "load-scenario.jfr");
    private final Map<String, LongAdder> pgStates = new ConcurrentHashMap<>();
    private final LongAdder pgSamples = new LongAdder();
    private Recording recording;
    private volatile long postmaster = -1;
    private final Map<Long, long[]> pgTicks = new HashMap<>(); // pid -> {first, last}
    private long jvm0;
    private long jvm1;
    private long[] machine0;
    private long[] machine1;
    private long wall0;
    private long wall1;

    LoadProfile(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void start() throws Exception {
        try {
            String dataDir = jdbc.sql("SHOW data_directory").query(String.class).single();
            postmaster = Long.parseLong(Files.readAllLines(Path.of(dataDir, "postmaster.pid")).get(0).trim());
        } catch (RuntimeException | IOException e) {
            postmaster = -1; // not a local PostgreSQL this process can read: its CPU is not counted
        }
        recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setToDisk(true);
        recording.start();
        wall0 = System.nanoTime();
        jvm0 = ticks(Path.of("/proc/self/stat"));
        machine0 = machine();
        samplePgCpu();
    }

    /** One sample of PostgreSQL's connections and CPU (call every few hundred ms during the load). */
    void sample() {
        try {
            samplePgActivity();
        } catch (RuntimeException e) {
            if (sampleErrors.getAndIncrement() == 0) System.out.println("BENCH profile: pg_stat_activity not sampled: " + e);
        }
        samplePgCpu();
    }

    private final java.util.concurrent.atomic.AtomicInteger sampleErrors = new java.util.concurrent.atomic.AtomicInteger();

    private void samplePgActivity() {
        jdbc.sql("""
                SELECT CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'on CPU') ELSE state END AS what,
                       count(*) AS n
                FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                GROUP BY 1""").query((rs, i) -> {
            pgStates.computeIfAbsent(rs.getString("what"), k -> new LongAdder()).add(rs.getLong("n"));
            return null;
        }).list();
        pgSamples.increment();
    }

    void stop() throws IOException {
        samplePgCpu();
        wall1 = System.nanoTime();
        jvm1 = ticks(Path.of("/proc/self/stat"));
        machine1 = machine();
        recording.stop();
        recording.dump(jfrFile);
        recording.close();
    }

    void print() throws IOException {
        double seconds = (wall1 - wall0) / 1e9;
        double jvm = (jvm1 - jvm0) / (double) CLOCK_TICKS;
        double pg = pgTicks.values().stream().mapToLong(t -> t[1] - t[0]).sum() / (double) CLOCK_TICKS;
        double busy = (machine1[0] - machine0[0]) / (double) CLOCK_TICKS;
        double total = (machine1[1] - machine0[1]) / (double) CLOCK_TICKS;
        System.out.printf("BENCH profile: CPU over %.0f s: machine %.1f of %.1f core-seconds busy (%.0f%%); this JVM %.1f (%.0f%% of busy), "
                        + "its PostgreSQL %s, everything else %.1f; load average now %s%n", seconds, busy, total, 100 * busy / total, jvm,
                100 * jvm / busy, postmaster < 0 ? "not measured" : String.format("%.1f (%.0f%% of busy)", pg, 100 * pg / busy),
                busy - jvm - pg, Files.readString(Path.of("/proc/loadavg")).trim());
        long n = Math.max(1, pgSamples.sum());
        System.out.printf("BENCH profile: PostgreSQL client connections, mean over %d samples (pg_stat_activity): %s%n", pgSamples.sum(),
                pgStates.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                        .map(e -> String.format("%s %.2f", e.getKey(), e.getValue().sum() / (double) n)).collect(Collectors.joining(", ")));
        List<RecordedEvent> samples = new ArrayList<>();
        double gcMillis = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfrFile)) {
            if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null) samples.add(e);
            if (e.getEventType().getName().equals("jdk.GarbageCollection")) gcMillis += e.getDuration().toNanos() / 1e6;
        }
        System.out.printf("BENCH profile: JFR (%s): %d execution samples, GC pauses %.0f ms in all%n", jfrFile, samples.size(), gcMillis);
        print("by thread group", count(samples, e -> threadGroup(e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName())), samples.size(), 12);
        print("by library on the stack (inclusive)", inclusive(samples), samples.size(), 16);
        print("hottest frames (self)", count(samples, e -> frame(e.getStackTrace().getFrames().get(0))), samples.size(), 25);
        print("hottest Parley frames (first dev.parley frame on the stack)", count(samples, LoadProfile::firstParleyFrame), samples.size(), 25);
    }

    private static void print(String title, Map<String, Long> counts, int total, int limit) {
        System.out.println("BENCH profile: " + title + ":");
        counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(limit)
                .forEach(e -> System.out.printf("BENCH profile   %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getValue(), e.getKey()));
    }

    private static Map<String, Long> count(List<RecordedEvent> samples, Function<RecordedEvent, String> key) {
        return samples.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("JSON (Jackson)", "com.fasterxml.jackson.|tools.jackson.");
        LIBRARIES.put("Tomcat", "org.apache.catalina.|org.apache.coyote.|org.apache.tomcat.");
        LIBRARIES.put("JDBC driver (pgjdbc)", "org.postgresql.");
        LIBRARIES.put("HikariCP", "com.zaxxer.hikari.");
        LIBRARIES.put("logging", "ch.qos.logback.|org.slf4j.|org.apache.logging.");
        LIBRARIES.put("reflection", "java.lang.reflect.|jdk.internal.reflect.");
        LIBRARIES.put("Spring transactions", "org.springframework.transaction.|org.springframework.jdbc.datasource.");
        LIBRARIES.put("Spring JDBC", "org.springframework.jdbc.core.");
        LIBRARIES.put("Spring Security", "org.springframework.security.");
        LIBRARIES.put("Spring MVC", "org.springframework.web.");
        LIBRARIES.put("Micrometer", "io.micrometer.");
        LIBRARIES.put("JDK HTTP client (the load driver)", "jdk.internal.net.http.|java.net.http.");
        LIBRARIES.put("regex", "java.util.regex.");
        LIBRARIES.put("benchmark SQL counter (proxy)", "dev.parley.benchmarks.SqlCounter");
        LIBRARIES.put("Parley reactors", "dev.parley.shared.reactors.");
        LIBRARIES.put("Parley automation", "dev.parley.automation.");
        LIBRARIES.put("Parley (any)", "dev.parley.");
    }

    private static Map<String, Long> inclusive(List<RecordedEvent> samples) {
        Map<String, Long> counts = new HashMap<>();
        for (RecordedEvent e : samples) {
            for (var library : LIBRARIES.entrySet()) {
                String[] prefixes = library.getValue().split("\\|");
                boolean on = e.getStackTrace().getFrames().stream().anyMatch(f -> {
                    String type = f.getMethod().getType().getName();
                    for (String p : prefixes) if (type.startsWith(p)) return true;
                    return false;
                });
                if (on) counts.merge(library.getKey(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static String firstParleyFrame(RecordedEvent e) {
        RecordedStackTrace stack = e.getStackTrace();
        for (RecordedFrame f : stack.getFrames()) {
            if (f.getMethod().getType().getName().startsWith("dev.parley.")) return frame(f);
        }
        return "(no Parley frame)";
    }

    private static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    static String threadGroup(String name) {
        if (name.startsWith("http-nio")) return "Tomcat request threads (http-nio-*)";
        if (name.startsWith("reactor-")) return "reactor " + name.substring("reactor-".length()).replaceAll("-\\d+$", "") + " (reactor-*)";
        if (name.startsWith("pool-") || name.startsWith("HttpClient")) return "load driver (test's clients)";
        return name.replaceAll("[-#]?\\d+$", "");
    }

    private boolean firstSweep = true;

    private int sweeps;

    /** PostgreSQL's processes' CPU ticks: the known ones each time, a look through all of /proc for new ones every 5 s. */
    private void samplePgCpu() {
        if (postmaster < 0) return;
        boolean first = firstSweep;
        firstSweep = false;
        List<Long> pids;
        if (sweeps++ % 20 == 0) {
            try (var dirs = Files.list(Path.of("/proc"))) {
                pids = dirs.map(d -> d.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit)).map(Long::parseLong).toList();
            } catch (IOException e) {
                postmaster = -1;
                return;
            }
        } else {
            synchronized (pgTicks) {
                pids = List.copyOf(pgTicks.keySet());
            }
        }
        for (long pid : pids) {
            try {
                String[] stat = statFields(Path.of("/proc", String.valueOf(pid), "stat"));
                if (pid != postmaster && Long.parseLong(stat[1]) != postmaster) continue;
                long t = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                synchronized (pgTicks) {
                    long[] seen = pgTicks.computeIfAbsent(pid, p -> new long[] {first ? t : 0, t});
                    seen[1] = t;
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended between the listing and the read
            }
        }
    }

    /** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime. */
    private static String[] statFields(Path stat) throws IOException {
        String line = Files.readString(stat);
        return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
    }

    private static long ticks(Path stat) throws IOException {
        String[] f = statFields(stat);
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** {busy, total} jiffies of the whole machine. */
    private static long[] machine() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(cpu.length, 9); i++) total += Long.parseLong(cpu[i]);
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        return new long[] {total - idle, total};
    }
}
