package org.tandem.testsupport;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged jar ({@code target/quarkus-app}) as its own process, in the prod profile, started the way the
 * container starts it: for the benchmark (time from spawning the JVM to the first ready answer, resident memory)
 * and for the fault tests that kill it.
 */
public final class PackagedApp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient API = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final long spawnedAt;

    private PackagedApp(Process process, int port, int managementPort, Path log, long spawnedAt) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.spawnedAt = spawnedAt;
    }

    /**
     * The settings a packaged app needs from the test services (MariaDB, Keycloak), as a map to add to. Stops are
     * quick: Quarkus 3.30.5/6 waits out the whole shutdown timeout on every stop (quarkusio/quarkus#51915).
     */
    public static Map<String, String> config(Map<String, String> services) {
        Map<String, String> config = new LinkedHashMap<>(services);
        config.remove(TandemServices.KEYCLOAK_URL_PROPERTY); // for the tests, not the app
        config.put("quarkus.shutdown.delay", "0s");
        config.put("quarkus.shutdown.timeout", "1s");
        return config;
    }

    /**
     * The JDK that runs the app: the tests' own, unless {@code tandem-devenv.app-java-home} names another (the
     * benchmark compares JDKs with it).
     */
    public static Path javaHome() {
        String other = System.getProperty("tandem-devenv.app-java-home", "");
        return Path.of(other.isBlank() ? System.getProperty("java.home") : other);
    }

    public static PackagedApp start(Path appDir, List<String> jvmOptions, Map<String, String> config, int port,
            Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaHome().resolve("bin").resolve("java").toString());
        command.addAll(jvmOptions);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        // Health, metrics and OpenAPI answer on a port of their own, as in the image.
        int managementPort = TandemServices.freePort();
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-jar");
        command.add(appDir.toAbsolutePath().resolve("quarkus-run.jar").toString());
        long spawnedAt = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                // In the app's directory, as the image runs it: a class-data archive names the jar relative to it.
                .directory(appDir.toAbsolutePath().toFile());
        builder.environment().put("MALLOC_ARENA_MAX", "2"); // as the image sets it (Dockerfile.jvm)
        Process process = builder.start();
        return new PackagedApp(process, port, managementPort, log, spawnedAt);
    }

    /** Polls readiness every 5 ms; returns the time from spawning the JVM to the first 200. */
    public Duration awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            await("the app at " + baseUrl() + " ready; log: " + log).atMost(timeout)
                    .pollInterval(Duration.ofMillis(5)).until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the app exited during start; see " + log);
                        }
                        try {
                            return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (IOException notYetListening) {
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the app was not ready within " + timeout + "; see " + log, e);
        }
        return Duration.ofNanos(System.nanoTime() - spawnedAt);
    }

    /** Quarkus's own "started in" figure (after the JVM itself has started), from the log. */
    public double quarkusStartedInSeconds() throws IOException {
        Matcher m = STARTED.matcher(Files.readString(log));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** Resident set size from /proc, in MiB. */
    public double rssMiB() throws IOException {
        return statusMiB("VmRSS");
    }

    /**
     * The resident set split as the kernel counts it: anonymous memory (heap, metaspace, JIT code, malloc), and
     * file-backed and shared pages (RssFile + RssShmem: the JDK's libraries, the class-data archive, mapped jars),
     * most of which the kernel can drop and read again under memory pressure.
     */
    public Rss rss() throws IOException {
        return new Rss(statusMiB("RssAnon"), statusMiB("RssFile") + statusMiB("RssShmem"));
    }

    /** Resident memory in MiB. */
    public record Rss(double anonymous, double fileBacked) {
    }

    private double statusMiB(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no " + field + " for " + process.pid());
    }

    /** Resident set size once it holds steady: within 1 MiB over a second, sampled once a second. */
    public double settledRssMiB(Duration timeout) {
        AtomicReference<Double> previous = new AtomicReference<>(Double.NaN);
        return await("the resident memory of " + baseUrl() + " holds steady").atMost(timeout)
                .pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1))
                .until(this::rssMiB, rss -> Math.abs(rss - previous.getAndSet(rss)) < 1.0);
    }

    /** Calls the API with a bearer token and JSON; anything but a 2xx is an error. */
    public JsonNode call(String token, String method, String path, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = API.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /**
     * The status of a GET (with a bearer token unless null), or -1 when the app does not listen yet or leaves the
     * request unanswered for 30 s.
     */
    public int status(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return API.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListeningOrHanging) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The URL of a path: /q/... (health, metrics, OpenAPI) on the management port, the API on its own. */
    public String url(String path) {
        return (path.startsWith("/q/") ? "http://127.0.0.1:" + managementPort : baseUrl()) + path;
    }

    public int managementPort() {
        return managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /** SIGKILL: the process dies at once, as in an OOM kill or a lost node; nothing runs on its way out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, as Kubernetes stops it, then wait. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
