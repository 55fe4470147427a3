package org.tandem.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The reference: the database's own limit for the simplest read, a point-select by primary key over plain JDBC
 * (MySQL Connector/J, server-side prepared statements), N threads each with its own connection and no pool, ORM,
 * HTTP, JSON or security in the way.
 */
final class JdbcLoad {

    private JdbcLoad() {
    }

    static HttpLoad.Outcome pointSelects(String jdbcUrl, String user, String password, List<byte[]> ids,
            int clients, Duration warmup, Duration measure) throws Exception {
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        List<Future<Histogram>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            results.add(threads.submit(() -> {
                Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
                try (Connection c = DriverManager.getConnection(jdbcUrl + "?useServerPrepStmts=true"
                        + "&cachePrepStmts=true", user, password);
                        PreparedStatement s = c.prepareStatement("select id, clinic_id, code, status, care_started_on,"
                                + " version from couple where id = ?")) {
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        s.setBytes(1, ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
                        try (ResultSet r = s.executeQuery()) {
                            if (!r.next()) {
                                throw new IllegalStateException("a seeded couple is missing");
                            }
                        }
                        long answered = System.nanoTime();
                        if (now >= measureFrom && answered <= end) {
                            latency.recordValue(TimeUnit.NANOSECONDS.toMicros(answered - now));
                        }
                    }
                }
                return latency;
            }));
        }
        Histogram all = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        for (Future<Histogram> result : results) {
            all.add(result.get());
        }
        threads.shutdown();
        return new HttpLoad.Outcome("raw JDBC point-select (couple by id)", clients, measure.toNanos() / 1e9,
                all.getTotalCount(), Map.of(), all);
    }
}
