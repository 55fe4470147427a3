package org.tandem.export;

import java.io.OutputStream;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * An output stream that stores what is written as numbered chunks of the job, reporting progress with each one.
 * Memory stays one chunk, whatever the size of the export.
 */
final class ChunkedOutput extends OutputStream {

    private final ExportStore store;
    private final UUID job;
    private final String worker;
    private final byte[] buffer;
    private final LongSupplier rows;
    private int used;
    private int seq;
    private long bytes;

    ChunkedOutput(ExportStore store, UUID job, String worker, int chunkSize, LongSupplier rows) {
        this.store = store;
        this.job = job;
        this.worker = worker;
        this.buffer = new byte[chunkSize];
        this.rows = rows;
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
        store.write(job, worker, seq, buffer, used, rows.getAsLong(), bytes);
        if (used > 0) {
            seq++;
        }
        used = 0;
    }

    long bytes() {
        return bytes;
    }
}
