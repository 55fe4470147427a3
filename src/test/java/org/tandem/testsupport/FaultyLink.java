package org.tandem.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of a real server that can be made to hang: it keeps accepting connections and reading
 * what is sent, but passes nothing on in either direction. That is what a client sees of an overloaded server, a
 * stuck load balancer or a dropped route, where a stopped server would refuse the connection at once. A
 * connection that hung stays dead after the link heals (as one through a load balancer that lost its backend
 * does, with no reset), so only a client that gives up on it and connects again gets through.
 */
public final class FaultyLink implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean hanging;

    /** One client's connection and its relay to the target, if it got one. */
    private static final class Connection {
        final Socket client;
        final Socket upstream;
        volatile boolean dead;

        Connection(Socket client, Socket upstream, boolean dead) {
            this.client = client;
            this.upstream = upstream;
            this.dead = dead;
        }

        void close() {
            closeQuietly(client);
            if (upstream != null) {
                closeQuietly(upstream);
            }
        }
    }

    private FaultyLink(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-link-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A relay on a free loopback port to {@code targetPort} on loopback, passing traffic until told to hang. */
    public static FaultyLink to(int targetPort) throws IOException {
        return new FaultyLink(targetPort);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on nothing passes, on open connections or new ones; nothing is closed either. */
    public void hang() {
        hanging = true;
        connections.forEach(c -> c.dead = true);
    }

    /** New connections pass traffic again; the ones that hung stay dead. */
    public void heal() {
        hanging = false;
    }

    @Override
    public void close() {
        closeQuietly(server);
        connections.forEach(Connection::close);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Connection c = hanging ? new Connection(client, null, true)
                        : new Connection(client, new Socket(InetAddress.getLoopbackAddress(), targetPort), false);
                connections.add(c);
                pump(c, c.client, c.upstream);
                if (c.upstream != null) {
                    pump(c, c.upstream, c.client);
                }
            } catch (IOException closedOrRefused) {
                // The relay was closed, or the target refused: the client's connection fails, as it would directly.
            }
        }
    }

    /** Copies {@code from} to {@code to} while the connection is alive; once dead, reads and drops. */
    private void pump(Connection c, Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to == null ? null : to.getOutputStream();
                for (int n; (n = in.read(buffer)) >= 0;) {
                    if (!c.dead) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException closed) {
                // Either side went away.
            } finally {
                if (!c.dead) {
                    // A side closed its end while the link was up: pass that on, as the real server would.
                    connections.remove(c);
                    c.close();
                }
            }
        }, "faulty-link-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Closing is best effort: the socket may already be gone.
        }
    }
}
