package org.tandem.bench;

import static org.tandem.testsupport.Api.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tandem.export.ExportWorker;
import org.tandem.testsupport.Api;

/**
 * The clinic CSV export of 1,000,000 measurement rows, against a raw SELECT dump of the same rows, with the heap
 * watched. Not part of the test command (the name does not end in Test); run it with
 * {@code ./mvnw test -Dtest=ExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m}.
 * Prints a results block for docs/performance.md. It fails only if the export is incomplete.
 */
@QuarkusTest
class ExportBenchmark {

    private static final int ROWS = Integer.getInteger("tandem-devenv.bench.rows", 1_000_000);
    private static final LocalDate FIRST = LocalDate.of(2023, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2025, 12, 31);

    @Inject
    AgroalDataSource db;

    @Inject
    ExportWorker worker;

    @Test
    void exportOneMillionMeasurements() throws Exception {
        String coupleId = Api.createCouple("therapist1", Api.unique());
        String partnerId = as("therapist1").get("/api/v1/couples/" + coupleId).then().extract().path("partners[0].id");
        long t0 = System.nanoTime();
        seed(UUID.fromString(coupleId), UUID.fromString(partnerId));
        long seedMs = (System.nanoTime() - t0) / 1_000_000;

        // Warm both paths once on a small period, so neither pays for class loading in the measurement.
        rawDump(LAST, LAST);
        exportCsv(LAST, LAST);

        long rawStart = System.nanoTime();
        long[] raw = rawDump(FIRST, LAST);
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long liveBefore = liveHeap();
        AtomicLong peak = new AtomicLong(heapBefore);
        AtomicLong peakLive = new AtomicLong(liveHeap());
        var sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            peakLive.accumulateAndGet(liveHeap(), Math::max);
        }, 0, 20, java.util.concurrent.TimeUnit.MILLISECONDS);
        long exportStart = System.nanoTime();
        Map<String, Object> job = exportCsv(FIRST, LAST);
        double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
        sampler.shutdownNow();
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();

        long rows = ((Number) job.get("rowsWritten")).longValue();
        if (!"SUCCEEDED".equals(job.get("status")) || rows < ROWS) {
            throw new AssertionError("export incomplete: " + job);
        }
        System.out.printf("""
                === ExportBenchmark (%d measurement rows; seeded in %d ms) ===
                raw SELECT dump : %d rows, %.1f MB in %.2f s = %.0f rows/s
                CSV export job  : %d rows, %.1f MB in %.2f s = %.0f rows/s (%.0f%% of raw)
                heap used       : before %d MB, peak %d MB (+%d MB, garbage included), after GC %d MB; max %d MB
                live heap       : after the GCs during the export, peak %d MB (+%d MB over %d MB before)
                ===%n""", ROWS, seedMs, raw[0], raw[1] / 1e6, rawSeconds, raw[0] / rawSeconds, rows,
                ((Number) job.get("bytes")).longValue() / 1e6, exportSeconds, rows / exportSeconds,
                100 * (rows / exportSeconds) / (raw[0] / rawSeconds), heapBefore >> 20, peak.get() >> 20,
                (peak.get() - heapBefore) >> 20, heapAfter >> 20, memory.getHeapMemoryUsage().getMax() >> 20,
                peakLive.get() >> 20, (peakLive.get() - liveBefore) >> 20, liveBefore >> 20);
    }

    /**
     * What the heap held after the most recent collection, summed over the heap pools: live data, without the
     * garbage a sample of "used" also counts.
     */
    private static long liveHeap() {
        long live = 0;
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        return live;
    }

    /** The same join the export runs, streamed over JDBC and written as plain comma-joined text to nowhere. */
    private long[] rawDump(LocalDate from, LocalDate to) throws Exception {
        long rows = 0;
        long bytes = 0;
        OutputStream sink = OutputStream.nullOutputStream();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select m.id, m.couple_id,"
                + " c.code, m.partner_id, p.seat, m.measured_on, m.metric_key, m.value, m.source, m.is_private"
                + " from measurement m join couple c on c.id = m.couple_id left join partner p on p.id = m.partner_id"
                + " where c.clinic_id = (select clinic_id from couple where code = 'C-DEMO01') and m.measured_on >= ?"
                + " and m.measured_on <= ? order by m.measured_on, m.id", ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE);
            s.setObject(1, from);
            s.setObject(2, to);
            try (ResultSet r = s.executeQuery()) {
                StringBuilder line = new StringBuilder(200);
                while (r.next()) {
                    line.setLength(0);
                    for (int i = 1; i <= 10; i++) {
                        Object v = r.getObject(i);
                        line.append(v instanceof byte[] b ? org.tandem.common.BinaryUuids.of(b) : v).append(i < 10 ? ',' : '\n');
                    }
                    byte[] out = line.toString().getBytes(StandardCharsets.UTF_8);
                    sink.write(out);
                    bytes += out.length;
                    rows++;
                }
            }
        }
        return new long[] {rows, bytes};
    }

    private Map<String, Object> exportCsv(LocalDate from, LocalDate to) {
        String id = as("admin1").body(Map.of("kind", "OBSERVATIONS", "format", "CSV", "from", from.toString(),
                "to", to.toString())).post("/api/v1/exports").then().statusCode(202).extract().path("id");
        worker.runPending();
        return as("admin1").get("/api/v1/exports/" + id).then().statusCode(200).extract().as(Map.class);
    }

    /** Inserts the rows with multi-row INSERTs of 1000, dates spread over the three years. */
    private void seed(UUID couple, UUID partner) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            String clinic;
            try (ResultSet r = s.executeQuery("select hex(clinic_id) from couple where id = unhex('"
                    + couple.toString().replace("-", "") + "')")) {
                r.next();
                clinic = r.getString(1);
            }
            String prefix = "insert into measurement (id, clinic_id, couple_id, partner_id, metric_key, measured_on,"
                    + " value, source, is_private, recorded_by, created_at) values ";
            int days = (int) (LAST.toEpochDay() - FIRST.toEpochDay()) + 1;
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < ROWS; i++) {
                if (sql.isEmpty()) {
                    sql.append(prefix);
                } else {
                    sql.append(',');
                }
                sql.append("(unhex('").append(hex(UUID.randomUUID())).append("'),unhex('").append(clinic)
                        .append("'),unhex('").append(hex(couple)).append("'),unhex('").append(hex(partner))
                        .append("'),'").append(i % 2 == 0 ? "trust" : "hope").append("','")
                        .append(FIRST.plusDays(i % days)).append("',").append(i % 11).append(",'SELF_REPORT',")
                        .append(i % 3 == 0).append(",'bench',now(6))");
                if ((i + 1) % 1000 == 0 || i == ROWS - 1) {
                    s.executeUpdate(sql.toString());
                    sql.setLength(0);
                    if ((i + 1) % 50_000 == 0) {
                        c.commit();
                    }
                }
            }
            c.commit();
        }
    }

    private static String hex(UUID id) {
        return id.toString().replace("-", "");
    }

}
