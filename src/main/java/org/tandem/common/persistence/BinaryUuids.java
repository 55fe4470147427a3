package org.tandem.common.persistence;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.UUID;

/** UUIDs as Hibernate stores them in binary(16) columns (most significant bits first), for plain JDBC code. */
public final class BinaryUuids {

    private BinaryUuids() {
    }

    public static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    /** The UUID in a binary(16) value; null for SQL NULL. */
    public static UUID of(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new UUID(b.getLong(), b.getLong());
    }

    /** The UUID in {@code hex(column)} of a binary(16) column. */
    public static UUID ofHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }
}
