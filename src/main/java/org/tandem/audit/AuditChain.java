package org.tandem.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.apache.commons.codec.digest.DigestUtils;
import org.tandem.common.persistence.BinaryUuids;

/**
 * The hash chain over a clinic's audit events, in plain JDBC so that the app (AuditSealer, the admins'
 * verification) and the operators' command (AuditChainCheck) compute it the same way. Each seal holds
 * {@code SHA-256(previous hash || the event's fields)}, every field length-prefixed, the first seal's previous hash
 * being 32 zero bytes. An event changed after it was sealed no longer hashes to its seal; a deleted one leaves its
 * seal without an event; a deleted seal breaks the link to the next one.
 */
public final class AuditChain {

    /** The chain of events that belong to no clinic. */
    public static final UUID NO_CLINIC = new UUID(0, 0);
    static final byte[] GENESIS = new byte[32];
    /** The event's fields, in the order they are hashed. */
    static final String EVENT_COLUMNS = "e.id, e.occurred_at, e.clinic_id, e.subject, e.roles, e.client_id, e.action,"
            + " e.record_type, e.record_id, e.outcome, e.http_status, e.client_address, e.request_id, e.detail";
    private static final int PAGE = 10_000;

    /** Where the chain first fails: at which seal, for which event, and how. */
    public record Break(long seq, UUID eventId, String problem) {
    }

    /** A chain's verification: how many seals were checked, how far in time they cover, the first break if any. */
    public record Report(UUID chainId, long sealed, Instant sealedThrough, Break firstBreak) {
        public boolean intact() {
            return firstBreak == null;
        }
    }

    private AuditChain() {
    }

    /** The seal's hash of the event whose fields start at column {@code first} of the current row. */
    static byte[] hash(byte[] previous, ResultSet r, int first) throws SQLException {
        MessageDigest sha = sha256();
        sha.update(previous);
        field(sha, r.getBytes(first)); // id
        // As stored (datetime, UTC), whatever time zone the connection has: the app and the command must agree.
        LocalDateTime at = r.getObject(first + 1, LocalDateTime.class);
        field(sha, ByteBuffer.allocate(Long.BYTES).putLong(at.toEpochSecond(ZoneOffset.UTC) * 1_000_000
                + at.getNano() / 1000).array());
        field(sha, r.getBytes(first + 2)); // clinic_id
        for (int i = first + 3; i <= first + 9; i++) { // subject .. outcome
            field(sha, text(r.getString(i)));
        }
        int status = r.getInt(first + 10);
        field(sha, r.wasNull() ? null : ByteBuffer.allocate(Integer.BYTES).putInt(status).array());
        for (int i = first + 11; i <= first + 13; i++) { // client_address, request_id, detail
            field(sha, text(r.getString(i)));
        }
        return sha.digest();
    }

    /** Recomputes one chain, a page at a time, and compares its end with the chain's head. */
    public static Report verify(Connection c, UUID chainId) throws SQLException {
        long expected = 1;
        byte[] previous = GENESIS;
        long lastSeq = 0;
        Instant sealedThrough = null;
        try (PreparedStatement head = c.prepareStatement(
                "select last_seq, last_hash, sealed_through from audit_chain where chain_id = ?")) {
            head.setBytes(1, BinaryUuids.bytes(chainId));
            try (ResultSet r = head.executeQuery()) {
                if (!r.next()) {
                    return new Report(chainId, 0, null, null);
                }
                lastSeq = r.getLong(1);
                sealedThrough = r.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC);
            }
        }
        try (PreparedStatement page = c.prepareStatement("select s.seq, s.event_id, s.prev_hash, s.hash, "
                + EVENT_COLUMNS + " from audit_seal s left join audit_event e on e.id = s.event_id"
                + " where s.chain_id = ? and s.seq >= ? order by s.seq limit " + PAGE)) {
            while (true) {
                page.setBytes(1, BinaryUuids.bytes(chainId));
                page.setLong(2, expected);
                int rows = 0;
                try (ResultSet r = page.executeQuery()) {
                    while (r.next()) {
                        rows++;
                        long seq = r.getLong(1);
                        UUID eventId = BinaryUuids.of(r.getBytes(2));
                        if (seq != expected) {
                            return new Report(chainId, expected - 1, sealedThrough,
                                    new Break(expected, null, "seal-missing"));
                        }
                        if (!Arrays.equals(r.getBytes(3), previous)) {
                            return new Report(chainId, seq - 1, sealedThrough, new Break(seq, eventId, "link-broken"));
                        }
                        if (r.getBytes(5) == null) {
                            return new Report(chainId, seq - 1, sealedThrough,
                                    new Break(seq, eventId, "event-deleted"));
                        }
                        byte[] recomputed = hash(previous, r, 5);
                        if (!Arrays.equals(recomputed, r.getBytes(4))) {
                            return new Report(chainId, seq - 1, sealedThrough,
                                    new Break(seq, eventId, "event-changed"));
                        }
                        previous = r.getBytes(4);
                        expected++;
                    }
                }
                if (rows < PAGE) {
                    break;
                }
            }
        }
        if (expected - 1 != lastSeq) {
            return new Report(chainId, expected - 1, sealedThrough, new Break(expected, null, "seal-missing"));
        }
        return new Report(chainId, lastSeq, sealedThrough, null);
    }

    private static void field(MessageDigest sha, byte[] value) {
        if (value == null) {
            sha.update((byte) 0xff);
            return;
        }
        sha.update((byte) 0);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        sha.update(value);
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        return DigestUtils.getSha256Digest();
    }
}
