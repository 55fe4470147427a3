package org.tandem.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.common.persistence.Jdbc;

/**
 * Links committed audit events into their clinic's hash chain (AuditChain), shortly after they are written, on
 * every replica. A chain's head row is claimed with SKIP LOCKED, so one replica at a time extends a chain and
 * requests never wait on it. Events are taken in time order up to {@code now - seal-grace}: the grace outlasts the
 * longest transaction, so an event that is still to commit cannot be passed over.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class);
    private static final int BATCH = 5_000;
    private static final LocalDateTime BEGINNING = LocalDateTime.of(1970, 1, 1, 0, 0);

    /** One event's link: which event, where in the chain, the hash before it and its own. */
    private record Seal(byte[] eventId, long seq, byte[] previous, byte[] hash, LocalDateTime at) {
    }

    private final Jdbc jdbc;
    private final AuditConfig config;

    @Scheduled(every = "${tandem.audit.seal-interval}", delay = 15, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            sealAll();
        } catch (IllegalStateException e) {
            LOG.warnf("Sealing the audit chains failed (%s); the next run continues",
                    e.getCause() == null ? "?" : e.getCause().getClass().getSimpleName());
        }
    }

    /** Seals what is due in every chain; returns how many events it sealed. */
    public int sealAll() {
        List<UUID> chains = jdbc.inTransaction(c -> {
            List<UUID> ids = new ArrayList<>();
            ids.add(AuditChain.NO_CLINIC);
            try (PreparedStatement s = c.prepareStatement("select id from clinic"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(BinaryUuids.of(r.getBytes(1)));
                }
            }
            createMissingHeads(c, ids);
            return ids;
        });
        int sealed = 0;
        Instant cutoff = Instant.now().minus(config.sealGrace());
        for (UUID chain : chains) {
            int n;
            do {
                n = jdbc.inTransaction(c -> seal(c, chain, cutoff));
                sealed += n;
            } while (n > 0);
        }
        return sealed;
    }

    /** One batch of one chain, in one transaction; 0 if another replica holds the chain. */
    private int seal(Connection c, UUID chain, Instant cutoff) throws SQLException {
        byte[] chainId = BinaryUuids.bytes(chain);
        long seq;
        byte[] previous;
        LocalDateTime through;
        try (PreparedStatement head = c.prepareStatement("select last_seq, last_hash, sealed_through from audit_chain"
                + " where chain_id = ? for update skip locked")) {
            head.setBytes(1, chainId);
            try (ResultSet r = head.executeQuery()) {
                if (!r.next()) {
                    return 0;
                }
                seq = r.getLong(1);
                previous = r.getBytes(2);
                through = r.getObject(3, LocalDateTime.class);
            }
        }
        LocalDateTime until = LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        if (!until.isAfter(through)) {
            return 0;
        }
        String clinic = chain.equals(AuditChain.NO_CLINIC) ? "e.clinic_id is null" : "e.clinic_id = ?";
        List<Seal> seals = new ArrayList<>();
        byte[] hashed = previous;
        long next = seq;
        try (PreparedStatement due = c.prepareStatement("select " + AuditChain.EVENT_COLUMNS + " from audit_event e"
                + " where " + clinic + " and e.occurred_at > ? and e.occurred_at <= ? order by e.occurred_at, e.id"
                + " limit " + (BATCH + 1))) {
            int i = 1;
            if (!chain.equals(AuditChain.NO_CLINIC)) {
                due.setBytes(i++, chainId);
            }
            due.setObject(i++, through);
            due.setObject(i, until);
            try (ResultSet r = due.executeQuery()) {
                while (r.next()) {
                    byte[] hash = AuditChain.hash(hashed, r, 1);
                    seals.add(new Seal(r.getBytes(1), ++next, hashed, hash, r.getObject(2, LocalDateTime.class)));
                    hashed = hash;
                }
            }
        }
        LocalDateTime sealedThrough = until;
        if (seals.size() > BATCH) {
            // More are due than one batch takes: stop before the instant of the first one left out, so that all of
            // that instant's events are sealed together next time.
            LocalDateTime firstLeftOut = seals.get(BATCH).at();
            seals.removeIf(seal -> !seal.at().isBefore(firstLeftOut));
            sealedThrough = seals.isEmpty() ? through : seals.get(seals.size() - 1).at();
        }
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = c.prepareStatement("insert into audit_seal (event_id, chain_id, seq, prev_hash,"
                + " hash, sealed_at) values (?, ?, ?, ?, ?, ?)")) {
            for (Seal seal : seals) {
                insert.setBytes(1, seal.eventId());
                insert.setBytes(2, chainId);
                insert.setLong(3, seal.seq());
                insert.setBytes(4, seal.previous());
                insert.setBytes(5, seal.hash());
                insert.setObject(6, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Seal end = seals.isEmpty() ? null : seals.get(seals.size() - 1);
        try (PreparedStatement advance = c.prepareStatement("update audit_chain set last_seq = ?, last_hash = ?,"
                + " sealed_through = ?, updated_at = ? where chain_id = ?")) {
            advance.setLong(1, end == null ? seq : end.seq());
            advance.setBytes(2, end == null ? previous : end.hash());
            advance.setObject(3, sealedThrough);
            advance.setObject(4, now);
            advance.setBytes(5, chainId);
            advance.executeUpdate();
        }
        return seals.size();
    }

    /**
     * Starts the chains of new clinics, before and apart from any sealing: an {@code insert ignore} that meets an
     * existing head takes a shared lock on it until commit, so inside the sealing transaction two replicas would each
     * hold one and each skip the head the other holds, and neither would seal.
     */
    private static void createMissingHeads(Connection c, List<UUID> chains) throws SQLException {
        List<UUID> missing = new ArrayList<>(chains);
        try (PreparedStatement s = c.prepareStatement("select chain_id from audit_chain");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                missing.remove(BinaryUuids.of(r.getBytes(1)));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement create = c.prepareStatement("insert ignore into audit_chain (chain_id, last_seq,"
                + " last_hash, sealed_through, updated_at) values (?, 0, ?, ?, ?)")) {
            for (UUID chain : missing) {
                create.setBytes(1, BinaryUuids.bytes(chain));
                create.setBytes(2, AuditChain.GENESIS);
                create.setObject(3, BEGINNING);
                create.setObject(4, LocalDateTime.now(ZoneOffset.UTC));
                create.addBatch();
            }
            create.executeBatch();
        }
    }
}
