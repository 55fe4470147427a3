package org.tandem.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Writes one kind of export. Implementations stream from the database and never hold all rows. */
interface ExportSource {

    /** About how many rows {@link #write} will write, for the progress percentage. */
    long count(ExportJob job, ExportScope scope);

    /** Writes the rows to {@code out}, adding each to {@code rows}. */
    void write(ExportJob job, ExportScope scope, OutputStream out, AtomicLong rows) throws IOException;
}
