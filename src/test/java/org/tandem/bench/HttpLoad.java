package org.tandem.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * HTTP load from N clients, each over its own keep-alive connection. Closed loop: a client sends its next request
 * as soon as the answer to the previous one has arrived. Paced (open loop): it sends on a fixed schedule. One
 * Vert.x event loop drives all clients, so the load generator takes as little of the two shared cores as it can.
 * Latency is recorded in an HdrHistogram, in microseconds, for requests sent after the warm-up and answered before
 * the end.
 */
final class HttpLoad implements AutoCloseable {

    /** One request: the sequence number it was made from lets a scenario hand out unique slots or dates. */
    record Call(HttpMethod method, String path, String body) {
        static Call get(String path) {
            return new Call(HttpMethod.GET, path, null);
        }

        static Call post(String path, String body) {
            return new Call(HttpMethod.POST, path, body);
        }
    }

    record Outcome(String name, int clients, double seconds, long requests, Map<Integer, Long> statuses,
            Histogram latency) {

        double throughput() {
            return requests / seconds;
        }

        double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }

        long count(int status) {
            return statuses.getOrDefault(status, 0L);
        }
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final int managementPort;
    private final AtomicLong completed = new AtomicLong();

    /** Calls to /q/ (health, metrics) go to {@code managementPort}, the rest to the API's {@code port}. */
    HttpLoad(int port, int managementPort, int connections) {
        this.managementPort = managementPort;
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections));
    }

    /** Runs for warm-up plus measurement; counts and times only the measured part. */
    Outcome run(String name, int clients, Duration warmup, Duration measure, String token, LongFunction<Call> calls) {
        return run(name, clients, 0, warmup, measure, token, calls);
    }

    /**
     * With a {@code rate} (requests per second over all clients), each client sends on a fixed schedule instead of
     * as soon as its previous answer arrives (open loop), and a request's latency counts from when it was due, so
     * a slow answer that delays the next send is not hidden (coordinated omission). 0: closed loop.
     */
    Outcome run(String name, int clients, double rate, Duration warmup, Duration measure, String token,
            LongFunction<Call> calls) {
        System.out.println("[bench] " + java.time.LocalTime.now().withNano(0) + " " + name
                + (rate > 0 ? String.format(" (paced, %.0f/s)", rate) : ""));
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        Map<Integer, Long> statuses = new TreeMap<>();
        AtomicLong sequence = new AtomicLong();
        AtomicLong measured = new AtomicLong();
        AtomicInteger running = new AtomicInteger(clients);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Run run = new Run(() -> System.nanoTime() < end, token, calls, sequence, (call, sentAt, status) -> {
            long now = System.nanoTime();
            if (sentAt >= measureFrom && now <= end) {
                synchronized (latency) {
                    latency.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(now - sentAt),
                            latency.getHighestTrackableValue()));
                    statuses.merge(status, 1L, Long::sum);
                }
                measured.incrementAndGet();
            }
        }, () -> {
            if (running.decrementAndGet() == 0) {
                done.complete(null);
            }
        }, done);
        long interval = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
        for (int i = 0; i < clients; i++) {
            // Paced clients start spread over one interval, so the requests arrive evenly.
            loop(run, new Schedule(start + interval * i / clients, interval));
        }
        done.orTimeout(warmup.plus(measure).plusMinutes(2).toSeconds(), TimeUnit.SECONDS).join();
        return new Outcome(name, clients, measure.toNanos() / 1e9, measured.get(), statuses, latency);
    }

    /** Sends exactly {@code total} requests with N clients (set-up work); fails unless every answer is 2xx. */
    void runCount(int clients, long total, String token, LongFunction<Call> calls) {
        AtomicLong sequence = new AtomicLong();
        AtomicInteger running = new AtomicInteger(clients);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Run run = new Run(() -> sequence.get() < total, token, calls, sequence, (call, sentAt, status) -> {
            if (status / 100 != 2) {
                done.completeExceptionally(new IllegalStateException(
                        "set-up request " + call.method() + " " + call.path() + " answered " + status));
            }
        }, () -> {
            if (running.decrementAndGet() == 0) {
                done.complete(null);
            }
        }, done);
        for (int i = 0; i < clients; i++) {
            loop(run, new Schedule(0, 0));
        }
        done.orTimeout(10, TimeUnit.MINUTES).join();
    }

    private interface Recorder {
        void answered(Call call, long sentAt, int status);
    }

    /** When one client's next request is due: now (closed loop, interval 0) or every interval from a start. */
    private static final class Schedule {
        private long next;
        private final long interval;

        Schedule(long first, long interval) {
            this.next = first;
            this.interval = interval;
        }

        long due() {
            if (interval == 0) {
                return System.nanoTime();
            }
            long due = next;
            next += interval;
            return due;
        }
    }

    /**
     * What all clients of one run share: whether to go on, what to send, how to record an answer, and what to do
     * when a client stops ({@code finished}) or the run fails ({@code done}).
     */
    private record Run(BooleanSupplier more, String token, LongFunction<Call> calls, AtomicLong sequence,
            Recorder recorder, Runnable finished, CompletableFuture<Void> done) {
    }

    private void loop(Run run, Schedule schedule) {
        if (!run.more().getAsBoolean() || run.done().isDone()) {
            run.finished().run();
            return;
        }
        long due = schedule.due();
        long wait = TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime());
        if (wait >= 1) {
            vertx.setTimer(wait, timer -> send(run, schedule, due));
        } else {
            send(run, schedule, due);
        }
    }

    private void send(Run run, Schedule schedule, long due) {
        Call call = run.calls().apply(run.sequence().getAndIncrement());
        RequestOptions options = new RequestOptions().setMethod(call.method()).setURI(call.path());
        if (call.path().startsWith("/q/")) {
            options.setPort(managementPort);
        }
        if (run.token() != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + run.token());
        }
        if (call.body() != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        client.request(options)
                .compose(request -> call.body() == null ? request.send() : request.send(Buffer.buffer(call.body())))
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(result -> {
                    if (result.failed()) {
                        run.done().completeExceptionally(result.cause());
                        run.finished().run();
                        return;
                    }
                    completed.incrementAndGet();
                    run.recorder().answered(call, due, result.result());
                    loop(run, schedule);
                });
    }

    /** Requests answered so far, over all runs. */
    long completed() {
        return completed.get();
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
