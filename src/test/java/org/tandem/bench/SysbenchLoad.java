package org.tandem.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw database limit as the database world measures it: {@code sysbench oltp_point_select} (Debian's
 * {@code sysbench} package, C and libmariadb, no JVM) against the same MariaDB, with as many threads as the
 * benchmark has clients, on a table of its own that is dropped afterwards. Installed from Debian's packages when
 * missing and the benchmark runs as root (as CI does); otherwise, or if it fails, the results say it was not
 * measured.
 */
final class SysbenchLoad {

    /** Point-selects per second and their latency, as sysbench reports them. */
    record Result(double perSecond, double avgMillis, double p99Millis, double maxMillis) {
    }

    private static final int TABLE_SIZE = 100_000;
    private static final Pattern QUERIES = Pattern.compile("queries:\\s+\\d+\\s+\\(([0-9.]+) per sec");
    private static final Pattern AVG = Pattern.compile("avg:\\s+([0-9.]+)");
    private static final Pattern MAX = Pattern.compile("max:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("99th percentile:\\s+([0-9.]+)");

    private SysbenchLoad() {
    }

    static Optional<Result> pointSelects(int port, String database, String user, String password, int threads,
            Duration warmup, Duration measure) throws Exception {
        if (!installed()) {
            return Optional.empty();
        }
        List<String> common = List.of("oltp_point_select", "--db-driver=mysql", "--mysql-host=127.0.0.1",
                "--mysql-port=" + port, "--mysql-user=" + user, "--mysql-password=" + password,
                "--mysql-db=" + database, "--tables=1", "--table-size=" + TABLE_SIZE);
        exec(command(common, "cleanup")); // a table left by an interrupted run, if any
        try {
            run(common, "prepare");
            run(load(common, threads, warmup), "run"); // sysbench 1.0 has no warm-up option: a run of its own
            String output = run(load(common, threads, measure), "run");
            return Optional.of(new Result(number(QUERIES, output), number(AVG, output), number(P99, output),
                    number(MAX, output)));
        } catch (IllegalStateException e) {
            return Optional.empty(); // what failed is printed; the rest of the benchmark runs on
        } finally {
            exec(command(common, "cleanup"));
        }
    }

    private static List<String> load(List<String> common, int threads, Duration time) {
        List<String> load = new ArrayList<>(common);
        load.addAll(List.of("--threads=" + threads, "--time=" + time.toSeconds(), "--percentile=99",
                "--report-interval=0"));
        return load;
    }

    private static boolean installed() throws Exception {
        if (onPath()) {
            return true;
        }
        if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            System.out.println("[bench] installing sysbench from Debian's packages");
            exec(List.of("/usr/bin/apt-get", "install", "-y", "-q", "sysbench"));
            if (!onPath()) {
                exec(List.of("/usr/bin/apt-get", "update", "-q"));
                exec(List.of("/usr/bin/apt-get", "install", "-y", "-q", "sysbench"));
            }
        }
        return onPath();
    }

    private static boolean onPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "sysbench"))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> command(List<String> options, String command) {
        List<String> line = new ArrayList<>();
        line.add("sysbench");
        line.addAll(options);
        line.add(command);
        return line;
    }

    private static String run(List<String> options, String command) throws Exception {
        String output = exec(command(options, command));
        if (output == null) {
            throw new IllegalStateException("sysbench " + command + " failed");
        }
        return output;
    }

    /** The command's output, or null if it failed. */
    private static String exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            System.out.println("[bench] " + String.join(" ", command.subList(0, Math.min(2, command.size())))
                    + " failed:\n" + output.strip());
            return null;
        }
        return output;
    }

    private static double number(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("Unexpected sysbench output:\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }
}
