package org.tandem.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.tandem.crypto.BulkKey;

/**
 * An output stream that stores what is written as numbered chunks of the job, reporting progress with each one.
 * Memory stays one chunk, whatever the size of the export. Each chunk is gzip-compressed (fastest level: CSV shrinks
 * about six-fold, which is less to write into the database and less to keep there), then sealed with the job's own
 * key: an export holds clinical data, and no copy of it is kept in the clear.
 */
final class ChunkedOutput extends OutputStream {

    private final ExportStore store;
    private final BulkKey key;
    private final UUID job;
    private final String worker;
    private final byte[] buffer;
    private final LongSupplier rows;
    private final Zipped zipped;
    private int used;
    private int seq;
    private long bytes;

    ChunkedOutput(ExportStore store, BulkKey key, UUID job, String worker, int chunkSize, LongSupplier rows) {
        this.store = store;
        this.key = key;
        this.job = job;
        this.worker = worker;
        this.buffer = new byte[chunkSize];
        this.rows = rows;
        this.zipped = new Zipped(chunkSize / 4);
    }

    /** A reusable buffer whose bytes can be handed on without a copy. */
    private static final class Zipped extends ByteArrayOutputStream {
        Zipped(int size) {
            super(size);
        }

        byte[] buffer() {
            return buf;
        }
    }

    @Override
    public void write(int b) {
        if (used == buffer.length) {
            store();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            if (used == buffer.length) {
                store();
            }
            int n = Math.min(len, buffer.length - used);
            System.arraycopy(b, off, buffer, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    /** Stores what is buffered (called when full and once at the end). */
    void store() {
        bytes += used;
        zipped.reset();
        byte[] sealed = new byte[0];
        if (used > 0) {
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped, 64 * 1024) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            }) {
                gzip.write(buffer, 0, used);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sealed = key.encrypt(zipped.buffer(), zipped.size(), seq);
        }
        store.write(job, worker, seq, sealed, sealed.length, rows.getAsLong(), bytes);
        if (used > 0) {
            seq++;
        }
        used = 0;
    }

    long bytes() {
        return bytes;
    }
}
