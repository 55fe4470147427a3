package org.tandem.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;
import org.tandem.audit.AuditLog;
import org.tandem.common.Conflict;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.common.persistence.Jdbc;

/**
 * Moves a clinic's sealed data to a new data key: after a suspected exposure of the old one, or as routine hygiene.
 * {@link #start} retires the clinic's key and creates a new one, which seals everything written from then on; the
 * job then re-seals every row of every {@link SealedColumn} still on the old key, in short batches, and deletes the
 * old key once no row uses it.
 *
 * <p>Resumable and replica-safe: the only state is the retiring key in {@code note_key}. Each batch locks its rows
 * and moves each with {@code where key = old}, so a replica that stops half-way leaves nothing half-moved, and any
 * replica's next run (every {@code tandem.notes.rotation-poll}) carries on. Audited: who started it, and when it
 * finished (the old key deleted).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class KeyRotation {

    private static final Logger LOG = Logger.getLogger(KeyRotation.class);
    private static final int BATCH = 100;

    /** Whether a rotation is running for the clinic, and how many sealed values still wait for the new key. */
    public record Status(boolean running, Instant startedAt, long remaining) {
    }

    private final DataKeyRepository keys;
    private final ClinicCipher cipher;
    private final Jdbc jdbc;
    private final AuditLog audit;

    /** Retires the clinic's data key and creates the one its data moves to. One rotation at a time (409). */
    @Transactional
    public Status start(UUID clinicId) {
        DataKey current = keys.forClinic(clinicId).orElseThrow(() -> new Conflict("nothing-to-rotate",
                "Nothing To Rotate", "The clinic has no encrypted data yet, so it has no data key to replace."));
        keys.lock(current.getId());
        if (keys.retiringOf(clinicId).isPresent()) {
            throw new Conflict("key-rotation-running", "Key Rotation Running",
                    "A key rotation is already moving this clinic's data; wait until it has finished.");
        }
        current.retire();
        keys.flush(); // the unique active key: the old one stops being active before the new one is
        keys.persist(cipher.newDataKey(clinicId));
        keys.flush();
        audit.success("data-key.rotation-started", "data-key", current.getId());
        return status(clinicId);
    }

    @Transactional
    public Status status(UUID clinicId) {
        return keys.retiringOf(clinicId)
                .map(old -> new Status(true, old.getRetiredAt(), keys.sealedWith(old.getId())))
                .orElse(new Status(false, null, 0));
    }

    @Scheduled(every = "${tandem.notes.rotation-poll}", delay = 20, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    void runOnSchedule() {
        runPending(Integer.MAX_VALUE);
    }

    /**
     * Moves up to {@code maxValues} sealed values of every running rotation to their clinic's new key, and finishes
     * each rotation whose old key no row uses any more. Returns how many values moved.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int runPending(int maxValues) {
        int moved = 0;
        for (DataKey old : QuarkusTransaction.requiringNew().call(keys::retiring)) {
            UUID newKey = QuarkusTransaction.requiringNew().call(() -> keys.forClinic(old.getClinicId()))
                    .map(DataKey::getId).orElseThrow();
            ClinicCipher.Resealer resealer = cipher.resealer(old.getId(), newKey);
            for (SealedColumn column : SealedColumn.values()) {
                UUID after = null;
                while (moved < maxValues) {
                    int limit = Math.min(BATCH, maxValues - moved);
                    UUID from = after;
                    Batch batch = jdbc.inTransaction(c -> reseal(c, column, old.getId(), newKey, resealer, limit,
                            from));
                    moved += batch.moved();
                    if (batch.last() == null) {
                        break;
                    }
                    after = batch.last();
                }
            }
            if (moved < maxValues) {
                finish(old);
            }
        }
        return moved;
    }

    /** What a batch did: values moved, and the last row it looked at (null: the column has no more). */
    private record Batch(int moved, UUID last) {
    }

    /**
     * One batch of one column, in one transaction, in id order after {@code after}: locked, re-sealed, each moved only
     * if still on the old key. A value that does not decrypt (tampered) is left on the old key, which is then kept:
     * the log names the record, never its text, and the rotation's status counts it as remaining.
     */
    private static Batch reseal(Connection c, SealedColumn column, UUID oldKey, UUID newKey,
            ClinicCipher.Resealer resealer, int limit, UUID after) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, " + column.ciphertextColumn() + " from "
                + column.table() + " where " + column.keyColumn() + " = ?" + (after == null ? "" : " and id > ?")
                + " order by id limit " + limit + " for update")) {
            if (after == null) {
                Jdbc.bind(s, oldKey);
            } else {
                Jdbc.bind(s, oldKey, after);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Object[] {BinaryUuids.of(r.getBytes(1)), r.getBytes(2)});
                }
            }
        }
        int moved = 0;
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            byte[] resealed;
            try {
                resealed = resealer.reseal(column.purpose(), id, (byte[]) row[1]);
            } catch (KeyUnavailableException unreadable) {
                continue; // logged by the resealer; stays on the old key
            }
            moved += Jdbc.update(c, "update " + column.table() + " set " + column.keyColumn() + " = ?, "
                    + column.ciphertextColumn() + " = ? where id = ? and " + column.keyColumn() + " = ?",
                    newKey, resealed, id, oldKey);
        }
        return new Batch(moved, rows.isEmpty() ? null : (UUID) rows.get(rows.size() - 1)[0]);
    }

    /** Deletes the old key once nothing uses it (checked under its lock), and says so in the audit log. */
    private void finish(DataKey old) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (keys.lock(old.getId()) == null || keys.sealedWith(old.getId()) > 0) {
                return; // another replica finished it, or a row is still on its way
            }
            keys.deleteById(old.getId());
            audit.system(old.getClinicId(), "key-rotation", "data-key.rotation-finished", "data-key", old.getId(),
                    null);
            LOG.infof("Data key %s of clinic %s retired: no row uses it any more", old.getId(), old.getClinicId());
        });
    }
}
