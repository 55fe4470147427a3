package org.tandem.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on this machine for the packaged-app tests: answers every POST to /hook with the status it is
 * told (500 at first, so deliveries wait for their retries), counts the attempts, and keeps the bodies it accepted.
 */
public final class HookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger status = new AtomicInteger(500);
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<String> accepted = new CopyOnWriteArrayList<>();

    public HookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                attempts.incrementAndGet();
                int answer = status.get();
                if (answer / 100 == 2) {
                    accepted.add(text);
                }
                exchange.sendResponseHeaders(answer, -1);
            }
            exchange.close();
        });
        server.start();
    }

    /** The URL to register, allowed by {@code tandem.webhooks.allowed-networks=127.0.0.1/32}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** From now on, answer with {@code status} (204 accepts). */
    public void answer(int status) {
        this.status.set(status);
    }

    public int attempts() {
        return attempts.get();
    }

    /** The bodies of the deliveries it accepted, in order. */
    public List<String> accepted() {
        return accepted;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
