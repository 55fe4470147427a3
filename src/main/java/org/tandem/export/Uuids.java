package org.tandem.export;

import java.nio.ByteBuffer;
import java.util.UUID;

/** UUIDs as Hibernate stores them in binary(16) columns: most significant bits first. */
final class Uuids {

    private Uuids() {
    }

    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    static UUID of(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new UUID(b.getLong(), b.getLong());
    }
}
