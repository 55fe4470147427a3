package org.tandem.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.tandem.bench.HttpLoad.Call;
import org.tandem.bench.HttpLoad.Outcome;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.devenv.EmbeddedMariaDb;
import org.tandem.testsupport.ExportRows;
import org.tandem.testsupport.PackagedApp;
import org.tandem.testsupport.TandemServices;
import org.tandem.testsupport.Tokens;

/**
 * The benchmark: {@code ./mvnw -Pbench verify}. Starts a fresh MariaDB and Keycloak, runs the packaged jar
 * against them as production runs it, and measures in one run start-up, memory, the raw database limit,
 * authenticated reads, writes and the 1,000,000-row export. Writes {@code target/bench/results.md}; the figures
 * in docs/performance.md come from it. It fails only when the app misbehaves (a 5xx, a double booking, an
 * incomplete export), never on a slow number: speed is read, not asserted.
 */
public final class BenchmarkMain {

    private static final ObjectMapper JSON = new ObjectMapper();
    
    private static final int CLIENTS = Integer.getInteger("tandem-devenv.bench.clients", 50);
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("tandem-devenv.bench.warmup", 10));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("tandem-devenv.bench.seconds", 20));
    private static final int EXPORT_ROWS = Integer.getInteger("tandem-devenv.bench.export-rows", 1_000_000);
    /** Only the scenarios whose names contain one of these (comma-separated), e.g. "couple,agenda"; empty: all. */
    private static final List<String> ONLY = java.util.Arrays.stream(System.getProperty("tandem-devenv.bench.only", "")
            .split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    private static final int RESTARTS = Integer.getInteger("tandem-devenv.bench.restarts", 2);
    /** Whether the restarts and the measured run run Flyway at start (the chart's migrations.strategy startup). */
    private static final boolean POD_MIGRATES = Boolean.getBoolean("tandem-devenv.bench.pod-migrates");
    /** The reads and bookings run again paced at this share of their closed-loop rate; 0: not at all. */
    private static final double PACED = Double.parseDouble(System.getProperty("tandem-devenv.bench.paced", "0.5"));
    private static final int COUPLES = 200;
    /** How long an idle reading may wait for the resident memory to hold steady. */
    private static final Duration IDLE_SETTLE = Duration.ofMinutes(1);
    private static final boolean JFR = Boolean.getBoolean("tandem-devenv.bench.jfr");
    /** Native memory tracking: where the resident memory goes, written to target/bench/nmt-*.txt. */
    private static final boolean NMT = Boolean.getBoolean("tandem-devenv.bench.nmt");
    /** Class-data sharing: restarts map the classes the first start loaded (see docs/performance.md). */
    private static final boolean APPCDS = Boolean.getBoolean("tandem-devenv.bench.appcds");
    /** The JDK that runs the app (-Dbench.java-home; the build's own by default) and its feature release. */
    private static final Path APP_JDK = PackagedApp.javaHome();
    private static final int APP_JDK_FEATURE = featureRelease(APP_JDK);
    /** As in the container: the chart's 512 MiB limit, its javaOpts, and the JVM's choice of GC at that size. */
    private static final List<String> CONTAINER_JVM = Stream.concat(Stream.of("-XX:MaxRAM=512m",
            "-XX:MaxRAMPercentage=50", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager"),
            // Extra options to compare, e.g. -Dbench.jvm="-XX:TieredStopAtLevel=1"; the run's report names them.
            java.util.Arrays.stream(System.getProperty("tandem-devenv.bench.jvm", "").trim().split("\\s+"))
                    .filter(x -> !x.isEmpty())).toList();

    private final Path out = Path.of("target/bench");
    private final StringBuilder report = new StringBuilder();
    private final List<String> failures = new ArrayList<>();
    private TandemServices services;
    private Map<String, String> servicesConfig;
    /** The measured instance, which the seeding and the export talk to. */
    private PackagedApp measured;

    public static void main(String[] args) throws Exception {
        BenchmarkMain bench = new BenchmarkMain();
        try {
            bench.run();
        } finally {
            bench.stopServices();
        }
        if (!bench.failures.isEmpty()) {
            System.err.println("[bench] FAILED: " + bench.failures);
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        deleteRecursively(out);
        Files.createDirectories(out);
        startServices();
        int port = TandemServices.freePort();
        Map<String, String> config = appConfig();
        Path appDir = Path.of(System.getProperty("tandem-devenv.app-dir", "target/quarkus-app"));

        report.append("# Benchmark results\n\n").append(machine()).append('\n');
        progress("services up; start-up");
        section("Start-up");
        Duration migrating;
        // With bench.appcds, the first start records the classes it loaded (written when that JVM exits) and
        // every later start maps them instead of loading them from the jars again: a dynamic class-data archive
        // before JDK 24, the AOT cache (JEP 483, 514, 515: classes loaded and linked, method profiles) from 24 on.
        boolean aotCache = APP_JDK_FEATURE >= 24;
        String trainedLabel = !APPCDS ? "" : aotCache ? ", AOT cache" : ", AppCDS";
        Path archive = out.resolve(aotCache ? "app.aot" : "app-cds.jsa").toAbsolutePath();
        List<String> firstJvm = new ArrayList<>(CONTAINER_JVM);
        if (APPCDS) {
            firstJvm.add((aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive);
        }
        try (PackagedApp first = PackagedApp.start(appDir, firstJvm, config, port, out.resolve("app-0.log"))) {
            migrating = first.awaitReady(Duration.ofMinutes(3));
        }
        // -Xshare:on, AOTMode=on: a start that cannot use the archive fails instead of being reported as if it had.
        List<String> trained = !APPCDS ? List.of()
                : aotCache ? List.of("-XX:AOTCache=" + archive, "-XX:AOTMode=on")
                : List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on");
        row("| start | JVM spawn to ready | Quarkus \"started in\" |\n| --- | ---: | ---: |");
        row("| first start, empty database (Flyway migrates V1..latest) | %d ms | - |", migrating.toMillis());
        // Later starts run as the chart's pods do: with its default migrations.strategy (job), a Job migrates
        // before the pods start and the pods never run Flyway; -Dbench.pod-migrates=true measures "startup".
        Map<String, String> podConfig = new HashMap<>(config);
        podConfig.put("quarkus.flyway.migrate-at-start", String.valueOf(POD_MIGRATES));
        String podLabel = POD_MIGRATES ? "Flyway checks it" : "no Flyway, as the chart's pods";
        for (int i = 1; i <= RESTARTS; i++) {
            List<String> restartJvm = new ArrayList<>(CONTAINER_JVM);
            restartJvm.addAll(trained);
            if (JFR && i == 1) { // where the start-up time goes
                restartJvm.add("-XX:StartFlightRecording=filename=" + out.resolve("startup.jfr").toAbsolutePath()
                        + ",settings=profile");
            }
            try (PackagedApp again = PackagedApp.start(appDir, restartJvm, podConfig, port,
                    out.resolve("app-" + i + ".log"))) {
                Duration ready = again.awaitReady(Duration.ofMinutes(2));
                row("| restart %d (schema current, %s%s) | %d ms | %.3f s |", i, podLabel, trainedLabel,
                        ready.toMillis(), again.quarkusStartedInSeconds());
            }
        }
        List<String> jvm = new ArrayList<>(CONTAINER_JVM);
        jvm.addAll(trained);
        jvm.add("-Xlog:gc:file=" + out.resolve("gc.log").toAbsolutePath() + ":uptime");
        if (NMT) {
            jvm.add("-XX:NativeMemoryTracking=summary");
        }
        try (PackagedApp app = PackagedApp.start(appDir, jvm, podConfig, port, out.resolve("app.log"))) {
            measured = app;
            Duration ready = app.awaitReady(Duration.ofMinutes(2));
            row("| measured run (%s, GC log on%s%s) | %d ms | %.3f s |", podLabel, NMT ? ", NMT on" : "",
                    trainedLabel, ready.toMillis(), app.quarkusStartedInSeconds());
            measureRunning(app);
        }
        if (JFR) {
            section("Profile (JFR execution samples over all scenarios)");
            report.append(Profile.hotMethods(out.resolve("app.jfr"), 25));
            if (Files.exists(out.resolve("export.jfr"))) {
                section("Profile of the export job (JFR execution samples, POST to finished)");
                report.append(Profile.hotMethods(out.resolve("export.jfr"), 25));
            }
            if (Files.exists(out.resolve("startup.jfr"))) {
                section("Profile of a start (JFR execution samples, JVM start to stop)");
                report.append(Profile.hotMethods(out.resolve("startup.jfr"), 25));
            }
        }
        Files.writeString(out.resolve("results.md"), report);
        System.out.println(report);
        System.out.println("[bench] written to " + out.resolve("results.md").toAbsolutePath());
    }

    private void measureRunning(PackagedApp app) throws Exception {
        section("Memory");
        double idleRss = app.settledRssMiB(IDLE_SETTLE); // nothing has been asked of it yet but readiness
        PackagedApp.Rss idleParts = app.rss();
        nativeMemory(app, "idle");
        progress("seeding through the API");
        Fixture f = seed();
        AtomicReference<Double> peakRss = new AtomicReference<>(0.0);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            try {
                double rss = app.rssMiB();
                peakRss.accumulateAndGet(rss, Math::max);
            } catch (IOException ignored) {
                // the process is gone; the run fails elsewhere
            }
        }, 0, 200, TimeUnit.MILLISECONDS);

        progress("raw JDBC point-selects");
        OptionalLong databasePid = CpuTimes.databasePid(databasePort());
        ScheduledFuture<CpuTimes> rawCpuAtMeasureStart = sampler.schedule(
                () -> CpuTimes.now(app.pid(), databasePid), WARMUP.toMillis(), TimeUnit.MILLISECONDS);
        Outcome raw = JdbcLoad.pointSelects(jdbcUrl(), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD,
                f.coupleIds.stream().map(BinaryUuids::bytes).toList(), CLIENTS, WARMUP, MEASURE);
        CpuTimes rawCpu = CpuTimes.now(app.pid(), databasePid).minus(rawCpuAtMeasureStart.get());
        progress("sysbench oltp_point_select");
        Optional<SysbenchLoad.Result> sysbench = SysbenchLoad.pointSelects(
                databasePort(),
                EmbeddedMariaDb.DATABASE, EmbeddedMariaDb.MIGRATION_USER, EmbeddedMariaDb.MIGRATION_PASSWORD,
                CLIENTS, WARMUP, MEASURE);
        if (JFR) { // recorded from here: the scenarios, not the start or the seeding
            jcmd(app, "JFR.start", "name=bench", "settings=profile");
        }
        List<Scenario> scenarios = scenarios(f, 2032).stream()
                .filter(x -> ONLY.isEmpty() || ONLY.stream().anyMatch(x.name()::contains)).toList();
        List<Outcome> outcomes = new ArrayList<>();
        List<Paced> paced = new ArrayList<>();
        Map<String, Double> statementsPerRequest = new LinkedHashMap<>();
        Map<String, CpuUse> cpuPerRequest = new LinkedHashMap<>();
        Map<String, CpuTimes> cpuMeasured = new LinkedHashMap<>();
        cpuMeasured.put(raw.name(), rawCpu);
        try (HttpLoad load = new HttpLoad(app.port(), app.managementPort(), CLIENTS)) {
            String t1 = token("therapist1");
            for (Scenario scenario : scenarios) {
                long questionsBefore = questions();
                long requestsBefore = load.completed();
                CpuTimes cpuBefore = CpuTimes.now(app.pid(), databasePid);
                ScheduledFuture<CpuTimes> cpuAtMeasureStart = sampler.schedule(
                        () -> CpuTimes.now(app.pid(), databasePid), WARMUP.toMillis(), TimeUnit.MILLISECONDS);
                Outcome o = load.run(scenario.name(), CLIENTS, WARMUP, MEASURE, scenario.anonymous() ? null : t1,
                        scenario.calls());
                CpuTimes cpuAfter = CpuTimes.now(app.pid(), databasePid);
                long requests = Math.max(1, load.completed() - requestsBefore);
                // The app's CPU time per request twice: warm-up included (the JIT's work at the start counts
                // too), and over the measured part alone (the steady state, per measured request).
                CpuTimes measured = cpuAfter.minus(cpuAtMeasureStart.get());
                cpuPerRequest.put(o.name(), new CpuUse((cpuAfter.app() - cpuBefore.app()) * 1000 / requests,
                        measured.app() * 1000 / Math.max(1, o.requests())));
                cpuMeasured.put(o.name(), measured);
                // Statements the server received per request, warm-up included: N+1 queries show here.
                statementsPerRequest.put(o.name(), (double) (questions() - questionsBefore - 1) / requests);
                outcomes.add(o);
                expectOnly(o, scenario.expected());
            }
            // The same reads and bookings below saturation: what latency looks like with capacity to spare. The
            // bookings take slots of later years than the closed-loop run's.
            for (Scenario scenario : scenarios(f, 2044)) {
                Outcome closed = outcomes.stream().filter(o -> o.name().equals(scenario.name())).findFirst()
                        .orElse(null);
                if (PACED > 0 && scenario.latencyTarget() && closed != null) {
                    double rate = PACED * closed.throughput();
                    Outcome o = load.run(scenario.name(), CLIENTS, rate, WARMUP, MEASURE, t1, scenario.calls());
                    paced.add(new Paced(o, rate));
                    expectOnly(o, scenario.expected());
                }
            }
            checkNoDoubleBooking(f);
        }
        if (JFR) {
            jcmd(app, "JFR.stop", "name=bench", "filename=" + out.resolve("app.jfr").toAbsolutePath());
        }
        sampler.shutdownNow();
        double afterRss = app.settledRssMiB(IDLE_SETTLE);
        PackagedApp.Rss afterParts = app.rss();
        nativeMemory(app, "after-load");
        row("| state | resident memory (VmRSS) | of it anonymous | of it file-backed |\n"
                + "| --- | ---: | ---: | ---: |");
        row("| idle after start | %.0f MiB | %.0f MiB | %.0f MiB |", idleRss, idleParts.anonymous(),
                idleParts.fileBacked());
        row("| peak under load (sampled every 200 ms through all scenarios) | %.0f MiB | - | - |", peakRss.get());
        row("| idle after the load | %.0f MiB | %.0f MiB | %.0f MiB |", afterRss, afterParts.anonymous(),
                afterParts.fileBacked());

        section("Reads and writes (" + CLIENTS + " clients, closed loop, " + WARMUP.toSeconds() + " s warm-up, "
                + MEASURE.toSeconds() + " s measured)");
        row("\"vs JDBC\" and \"vs sysbench\": throughput as a share of the two raw point-select references, measured"
                + " in this run against the same MariaDB. App CPU: the app process's CPU time per request, warm-up included"
                + " (in brackets: over the measured part alone, per measured request).%n");
        row("| scenario | requests/s | vs JDBC | vs sysbench | p50 | p99 | max | SQL statements / request |"
                + " app CPU / request | answers |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        double sysbenchRate = sysbench.map(SysbenchLoad.Result::perSecond).orElse(Double.NaN);
        sysbench.ifPresentOrElse(r -> row("| raw: sysbench oltp_point_select (%d threads, 100,000 rows) | %,.0f | %.0f%%"
                + " | 100%% | - | %.1f ms | %.1f ms | 1.0 | - | - |", CLIENTS, r.perSecond(),
                100 * r.perSecond() / raw.throughput(), r.p99Millis(), r.maxMillis()),
                () -> row("| raw: sysbench oltp_point_select | not measured (not installed, or it failed: see the output) | | | | | | | | |"));
        outcomeRow(raw, raw, sysbenchRate, 1.0, null);
        outcomes.forEach(o -> outcomeRow(o, raw, sysbenchRate, statementsPerRequest.get(o.name()),
                cpuPerRequest.get(o.name())));
        // Everything shares the machine: a read that costs the database as much as the app is bounded by both.
        row("%nWhere the machine's CPU went over each scenario's measured part, in milliseconds per measured request."
                + " The machine has %d cores; when it is saturated the columns add up to cores / requests per second."
                + " Rest: Keycloak, the kernel's network work, anything else running.%n",
                Runtime.getRuntime().availableProcessors());
        row("| scenario | app | database server | load generator | rest | machine busy |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: |");
        Stream.concat(Stream.of(raw), outcomes.stream()).forEach(o -> {
            CpuTimes c = cpuMeasured.get(o.name());
            double perRequest = 1000.0 / Math.max(1, o.requests());
            row("| %s | %.3f ms | %s | %.3f ms | %.3f ms | %.0f%% |", o.name(), c.app() * perRequest,
                    Double.isNaN(c.database()) ? "not found" : String.format("%.3f ms", c.database() * perRequest),
                    c.loadGenerator() * perRequest, c.rest() * perRequest, 100 * c.machineBusy() / c.machineTotal());
        });
        if (!paced.isEmpty()) {
            section(String.format("Reads and bookings paced at %.0f%% of their closed-loop rate (%d clients, open "
                    + "loop: each request is sent when due, and its latency counts from then)", PACED * 100, CLIENTS));
            row("| scenario | paced at | requests/s | p50 | p99 | max | answers |\n"
                    + "| --- | ---: | ---: | ---: | ---: | ---: | --- |");
            for (Paced p : paced) {
                Outcome o = p.outcome();
                row("| %s | %,.0f/s | %,.0f | %.1f ms | %.1f ms | %.1f ms | %s |", o.name(), p.rate(),
                        o.throughput(), o.millis(50), o.millis(99), o.latency().getMaxValue() / 1000.0, o.statuses());
            }
        }

        if (EXPORT_ROWS > 0) {
            section("Export (" + EXPORT_ROWS + " measurement rows)");
            export(app, f);
        }
    }

    /** A paced run and the rate it was paced at. */
    private record Paced(Outcome outcome, double rate) {
    }

    /**
     * One load: what each request is, and the only answers it may get. {@code latencyTarget}: a read or booking
     * of the p99 target, also run paced.
     */
    private record Scenario(String name, boolean anonymous, LongFunction<Call> calls, List<Integer> expected,
            boolean latencyTarget) {

        Scenario(String name, boolean anonymous, LongFunction<Call> calls, List<Integer> expected) {
            this(name, anonymous, calls, expected, false);
        }
    }

    /**
     * Two floors first, to split the cost of a request: the HTTP stack alone (liveness, no token) and with token
     * verification and JSON (the instrument list: no database). Then the operations the targets are about.
     */
    private List<Scenario> scenarios(Fixture f, int bookingYear) {
        OffsetDateTime free = OffsetDateTime.of(bookingYear, 1, 5, 0, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime contested = OffsetDateTime.of(bookingYear + 4, 1, 5, 0, 0, 0, 0, ZoneOffset.UTC);
        return List.of(
                new Scenario("floor: GET /q/health/live (HTTP only)", true, n -> Call.get("/q/health/live"),
                        List.of(200)),
                new Scenario("floor: GET the instrument list (token check, 9 kB of JSON, no database)", false,
                        n -> Call.get("/api/v1/instruments"), List.of(200)),
                new Scenario("GET a couple", false, n -> Call.get("/api/v1/couples/" + f.couple(n)), List.of(200),
                        true),
                new Scenario("GET a therapist's week agenda (30 sessions)", false,
                        n -> Call.get("/api/v1/sessions?therapistId=" + f.therapist1 + "&from=" + f.agendaWeek
                                + "&to=" + f.agendaWeek.plus(Duration.ofDays(7)) + "&size=100"), List.of(200), true),
                new Scenario("GET a progress summary (12 months of 2 ratings)", false,
                        n -> Call.get("/api/v1/couples/" + f.couple(n) + "/progress"), List.of(200), true),
                new Scenario("POST a session, each a free slot", false,
                        n -> Call.post("/api/v1/sessions", session(f.couple(n), free.plusHours(n))), List.of(201),
                        true),
                new Scenario("POST a session, 10 requests per slot of one therapist", false,
                        n -> Call.post("/api/v1/sessions", session(f.couple(n), contested.plusHours(n / 10))),
                        List.of(201, 409), true),
                new Scenario("POST an exercise completion", false,
                        n -> Call.post("/api/v1/couples/" + f.couple(n) + "/assignments/" + f.assignment(n)
                                + "/completions", "{\"partnerId\":\"" + f.partner(n) + "\",\"date\":\""
                                + LocalDate.of(2020, 1, 1).plusDays(n / COUPLES) + "\",\"rating\":4}"), List.of(201)),
                new Scenario("POST a measurement", false,
                        n -> Call.post("/api/v1/couples/" + f.couple(n) + "/measurements",
                                "{\"metric\":\"communication\",\"date\":\"" + LocalDate.of(2019, 1, 1)
                                        .plusDays(n / COUPLES) + "\",\"value\":6,\"source\":\"THERAPIST\"}"),
                        List.of(201)));
    }

    private static void progress(String what) {
        System.out.println("[bench] " + java.time.LocalTime.now().withNano(0) + " " + what);
    }

    /** The app's CPU milliseconds per request, over a whole scenario and over its measured part alone. */
    private record CpuUse(double withWarmup, double measured) {

        @Override
        public String toString() {
            return String.format("%.2f ms (%.2f)", withWarmup, measured);
        }
    }

    private void outcomeRow(Outcome o, Outcome raw, double sysbench, double statements, CpuUse cpu) {
        row("| %s | %,.0f | %.1f%% | %s | %.1f ms | %.1f ms | %.1f ms | %.1f | %s | %s |", o.name(), o.throughput(),
                100 * o.throughput() / raw.throughput(),
                Double.isNaN(sysbench) ? "-" : String.format("%.1f%%", 100 * o.throughput() / sysbench),
                o.millis(50), o.millis(99), o.latency().getMaxValue() / 1000.0, statements,
                cpu == null ? "-" : cpu.toString(),
                o.statuses().isEmpty() ? "-" : o.statuses().toString());
    }

    /** The server's count of statements received (all clients; during a scenario, the app's). */
    private long questions() throws Exception {
        try (Connection c = jdbc(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("show global status like 'Questions'")) {
            r.next();
            return r.getLong(2);
        }
    }

    private void expectOnly(Outcome o, List<Integer> allowed) {
        o.statuses().keySet().stream().filter(s -> !allowed.contains(s))
                .forEach(s -> failures.add(o.name() + " answered " + s));
        if (o.requests() == 0) {
            failures.add(o.name() + " completed no request");
        }
    }

    /** Contention must never produce two sessions of one therapist at overlapping times. */
    private void checkNoDoubleBooking(Fixture f) throws Exception {
        try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select count(*) from therapy_session a join therapy_session b on a.therapist_id = b.therapist_id"
                        + " and a.id < b.id and a.starts_at < b.ends_at and b.starts_at < a.ends_at"
                        + " where a.status <> 'CANCELLED' and b.status <> 'CANCELLED'")) {
            r.next();
            long overlaps = r.getLong(1);
            row("Double bookings after the contention run (overlapping sessions of one therapist, by SQL): %d.%n",
                    overlaps);
            if (overlaps != 0) {
                failures.add(overlaps + " double bookings");
            }
        }
    }

    private void export(PackagedApp app, Fixture f) throws Exception {
        UUID couple = f.coupleIds.get(0);
        progress("export: seeding " + EXPORT_ROWS + " rows");
        long seedStart = System.nanoTime();
        try (Connection c = jdbc()) {
            ExportRows.seed(c, couple, f.partnerIds.get(0), EXPORT_ROWS);
        }
        long seedMs = (System.nanoTime() - seedStart) / 1_000_000;
        ExportRows.Dump dump;
        List<String> plan;
        long rawStart = System.nanoTime();
        try (Connection c = jdbc()) {
            dump = ExportRows.rawDump(c, couple, ExportRows.FIRST, ExportRows.LAST);
        }
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
        try (Connection c = jdbc()) {
            plan = ExportRows.plan(c, couple, ExportRows.FIRST, ExportRows.LAST);
        }

        progress("export: running the job");
        Path gcLog = out.resolve("gc.log");
        jcmdGc(app);
        long gcFrom = Files.size(gcLog);
        String admin = token("admin1");
        if (JFR) {
            jcmd(app, "JFR.start", "name=export", "settings=profile");
        }
        JsonNode job = call(admin, "POST", "/api/v1/exports", "{\"kind\":\"OBSERVATIONS\",\"format\":\"CSV\","
                + "\"from\":\"" + ExportRows.FIRST + "\",\"to\":\"" + ExportRows.LAST + "\"}");
        String id = job.get("id").asText();
        job = await("the export finished").atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> call(admin, "GET", "/api/v1/exports/" + id, null),
                        j -> j.get("status").asText().matches("SUCCEEDED|FAILED|CANCELLED"));
        if (JFR) {
            jcmd(app, "JFR.stop", "name=export", "filename=" + out.resolve("export.jfr").toAbsolutePath());
        }
        jcmdGc(app);
        GcLog.Window heap = GcLog.window(gcLog, gcFrom);
        long rows = job.get("rowsWritten").asLong();
        // The export also writes a few hundred adherence rows (one per assigned partner), beyond the dumped ratings.
        if (!"SUCCEEDED".equals(job.get("status").asText()) || rows < dump.rows()) {
            failures.add("export incomplete: " + job.get("status") + ", " + rows + " of " + dump.rows() + " rows");
            return;
        }
        double exportSeconds = Duration.between(Instant.parse(job.get("startedAt").asText()),
                Instant.parse(job.get("finishedAt").asText())).toMillis() / 1000.0;
        row("Seeded by JDBC in %.1f s. The export time is the job's own (startedAt to finishedAt), without the "
                + "wait for the worker's next poll.%n", seedMs / 1000.0);
        row("| | rows | time | rows/s | vs raw |\n| --- | ---: | ---: | ---: | ---: |");
        row("| raw SELECT dump over JDBC (%.0f MB of text) | %,d | %.1f s | %,.0f | 100%% |", dump.bytes() / 1e6,
                dump.rows(), rawSeconds, dump.rows() / rawSeconds);
        row("| CSV export job (%.0f MB of CSV, stored gzip-compressed and sealed) | %,d | %.1f s | %,.0f | %.0f%% |",
                job.get("bytes").asLong() / 1e6, rows, exportSeconds, rows / exportSeconds,
                100 * (rows / exportSeconds) / (dump.rows() / rawSeconds));
        report.append('\n');
        row("MariaDB's plan for the ratings query, which the raw dump and the export run alike (EXPLAIN):%n");
        plan.forEach(line -> row("- %s", line));
        try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select data_length, index_length, @@innodb_buffer_pool_size from information_schema.tables"
                        + " where table_schema = database() and table_name = 'measurement'")) {
            r.next();
            row("%nThe measurement table: %d MiB of rows and %d MiB of indexes; InnoDB's buffer pool: %d MiB.",
                    r.getLong(1) >> 20, r.getLong(2) >> 20, r.getLong(3) >> 20);
        }
        report.append('\n');
        row("| heap (app JVM, from its GC log) | MiB |\n| --- | ---: |");
        row("| live before (after a full GC) | %d |", heap.liveBeforeMiB());
        row("| peak used during the export (garbage included) | %d |", heap.peakUsedMiB());
        row("| peak live (after any collection during the export) | %d |", heap.peakLiveMiB());
        row("| growth: peak live minus live before | %d |", heap.peakLiveMiB() - heap.liveBeforeMiB());
        row("| live after (after a full GC) | %d |", heap.liveAfterMiB());
    }

    private static void jcmdGc(PackagedApp app) throws Exception {
        jcmd(app, "GC.run");
    }

    private void nativeMemory(PackagedApp app, String when) throws Exception {
        if (NMT) {
            Files.writeString(out.resolve("nmt-" + when + ".txt"), jcmd(app, "VM.native_memory", "summary"));
        }
    }

    private static String jcmd(PackagedApp app, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(APP_JDK.resolve("bin").resolve("jcmd").toString(),
                Long.toString(app.pid())));
        args.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /** What the scenarios need, made through the API (and read back by JDBC where the API has no list). */
    private final class Fixture {
        final List<UUID> coupleIds = new ArrayList<>();
        final List<UUID> partnerIds = new ArrayList<>();
        final List<UUID> assignmentIds = new ArrayList<>();
        String therapist1;
        final Instant agendaWeek = Instant.parse("2031-03-03T00:00:00Z");

        UUID couple(long n) {
            return coupleIds.get((int) (n % COUPLES));
        }

        UUID partner(long n) {
            return partnerIds.get((int) (n % COUPLES));
        }

        UUID assignment(long n) {
            return assignmentIds.get((int) (n % COUPLES));
        }
    }

    private Fixture seed() throws Exception {
        Fixture f = new Fixture();
        String t1 = token("therapist1");
        String admin = token("admin1");
        call(t1, "GET", "/api/v1/couples", null); // provisions the clinic and the therapist from the token
        for (JsonNode t : call(admin, "GET", "/api/v1/therapists?size=100", null).get("items")) {
            if ("therapist1".equals(t.get("username").asText())) {
                f.therapist1 = t.get("id").asText();
            }
        }
        try (HttpLoad load = new HttpLoad(measured.port(), measured.managementPort(), 10)) {
            load.runCount(10, COUPLES, t1, n -> Call.post("/api/v1/couples", "{\"partners\":[{\"fullName\":\"Bench "
                    + n + "A\",\"recoveryRole\":\"IN_RECOVERY\"},{\"fullName\":\"Bench " + n + "B\","
                    + "\"recoveryRole\":\"PARTNER\"}],\"careStartedOn\":\"2022-01-01\"}"));
            try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "select c.id, p.id from couple c join partner p on p.couple_id = c.id and p.seat = 1"
                            + " order by c.code")) {
                while (r.next()) {
                    f.coupleIds.add(BinaryUuids.of(r.getBytes(1)));
                    f.partnerIds.add(BinaryUuids.of(r.getBytes(2)));
                }
            }
            // A year of monthly ratings on two metrics for every couple: what the progress summary reads.
            load.runCount(10, COUPLES * 24L, t1, n -> Call.post("/api/v1/couples/" + f.couple(n) + "/measurements",
                    "{\"metric\":\"" + (n / COUPLES % 2 == 0 ? "trust" : "hope") + "\",\"date\":\""
                            + LocalDate.of(2025, 12, 1).plusMonths(n / COUPLES / 2) + "\",\"value\":"
                            + (3 + n / COUPLES / 4) + ",\"source\":\"THERAPIST\"}"));
            // Thirty sessions in therapist1's agenda week.
            OffsetDateTime monday = f.agendaWeek.atOffset(ZoneOffset.UTC).plusHours(8);
            load.runCount(1, 30, t1, n -> Call.post("/api/v1/sessions",
                    session(f.couple(n), monday.plusDays(n / 6).plusHours(n % 6))));
        }
        String exercise = call(admin, "POST", "/api/v1/exercises", "{\"title\":\"Daily check-in\","
                + "\"category\":\"CHECK_IN\",\"instructions\":\"Ten minutes, phones away.\",\"performer\":\"BOTH\","
                + "\"cadence\":\"DAILY\",\"estimatedMinutes\":10}").get("id").asText();
        for (UUID couple : f.coupleIds) {
            f.assignmentIds.add(UUID.fromString(call(t1, "POST", "/api/v1/couples/" + couple + "/assignments",
                    "{\"exerciseId\":\"" + exercise + "\",\"startsOn\":\"2020-01-01\"}").get("id").asText()));
        }
        return f;
    }

    private static String session(UUID couple, OffsetDateTime start) {
        return "{\"coupleId\":\"" + couple + "\",\"kind\":\"JOINT\",\"modality\":\"IN_PERSON\",\"location\":\"Room 1\","
                + "\"start\":\"" + start.toInstant() + "\",\"end\":\"" + start.plusMinutes(50).toInstant() + "\"}";
    }

    private JsonNode call(String token, String method, String path, String body) throws Exception {
        return measured.call(token, method, path, body);
    }

    private String token(String username) {
        return Tokens.password(servicesConfig.get(TandemServices.KEYCLOAK_URL_PROPERTY), username);
    }

    /** The test services' settings for the app, plus what the benchmark changes. */
    private Map<String, String> appConfig() {
        Map<String, String> config = PackagedApp.config(servicesConfig);
        // The benchmark measures the service, not the quota: 50 clients share one user's token. The limiter
        // still runs on every request.
        config.put("tandem.rate-limit.capacity", "1000000000");
        return config;
    }

    private void startServices() {
        services = new TandemServices(); // MariaDB and Keycloak on free ports, as for the tests
        servicesConfig = services.start();
    }

    private void stopServices() {
        if (services != null) {
            services.stop();
        }
    }

    private Connection jdbc() throws Exception {
        return DriverManager.getConnection(jdbcUrl(), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
    }

    private String jdbcUrl() {
        return servicesConfig.get("quarkus.datasource.jdbc.url");
    }

    private int databasePort() {
        return Integer.parseInt(jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: leave it unknown
        }
        return String.format("%s, %d cores, Java %s; app, MariaDB 11.4, Keycloak and load generator on the same "
                + "machine; %s.%nApp JDK: %s (%s). App JVM options: `%s`.%n", cpu,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), LocalDate.now(),
                releaseProperty(APP_JDK, "JAVA_RUNTIME_VERSION"), APP_JDK, String.join(" ", CONTAINER_JVM));
    }

    /** A property of a JDK's {@code release} file, e.g. JAVA_VERSION="25.0.3". */
    private static String releaseProperty(Path jdk, String name) {
        try {
            return Files.readAllLines(jdk.resolve("release")).stream().filter(l -> l.startsWith(name + "="))
                    .findFirst().map(l -> l.substring(name.length() + 1).replace("\"", ""))
                    .orElseThrow(() -> new IllegalStateException("no " + name + " in " + jdk.resolve("release")));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JDK: " + jdk, e);
        }
    }

    private static int featureRelease(Path jdk) {
        return Integer.parseInt(releaseProperty(jdk, "JAVA_VERSION").split("[.]")[0]);
    }

    private void section(String title) {
        report.append("\n## ").append(title).append("\n\n");
    }

    private void row(String format, Object... args) {
        report.append(String.format(format, args)).append('\n');
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
