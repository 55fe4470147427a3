package org.tandem.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Rows of named columns, written as CSV (RFC 4180, Apache Commons CSV) or NDJSON (one JSON object per line). */
@RequiredArgsConstructor
abstract class RowSink implements AutoCloseable {

    private final AtomicLong rows;

    /** {@code rows} counts the rows written, for the job's progress. */
    static RowSink of(ExportFormat format, List<String> columns, OutputStream out, AtomicLong rows) {
        return switch (format) {
            case CSV -> new Csv(columns, out, rows);
            case NDJSON -> new Ndjson(columns, out, rows);
            case FHIR_NDJSON -> throw new IllegalArgumentException("FHIR is written by FhirExport");
        };
    }

    /** One row, values in column order; null is an empty cell or a JSON null. */
    final void row(Object... values) {
        try {
            write(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.incrementAndGet();
    }

    final long rows() {
        return rows.get();
    }

    abstract void write(Object[] values) throws IOException;

    @Override
    public abstract void close() throws IOException;

    private static final class Csv extends RowSink {
        private final CSVPrinter printer;

        Csv(List<String> columns, OutputStream out, AtomicLong rows) {
            super(rows);
            try {
                // Buffered: the printer writes a row in many small pieces, and each would otherwise go through
                // the UTF-8 encoder (and its lock) on its own.
                printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                        64 * 1024),
                        CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void write(Object[] values) throws IOException {
            printer.printRecord(values);
        }

        @Override
        public void close() throws IOException {
            printer.flush();
        }
    }

    private static final class Ndjson extends RowSink {
        private final SerializedString[] names;
        private final JsonGenerator json;

        Ndjson(List<String> columns, OutputStream out, AtomicLong rows) {
            super(rows);
            names = columns.stream().map(SerializedString::new).toArray(SerializedString[]::new);
            try {
                json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json.setRootValueSeparator(new SerializedString("\n"));
        }

        @Override
        void write(Object[] values) throws IOException {
            json.writeStartObject();
            for (int i = 0; i < names.length; i++) {
                json.writeFieldName(names[i]);
                Object v = values[i];
                if (v == null) {
                    json.writeNull();
                } else if (v instanceof BigDecimal d) {
                    json.writeNumber(d);
                } else if (v instanceof Double d) {
                    json.writeNumber(d);
                } else if (v instanceof Long || v instanceof Integer) {
                    json.writeNumber(((Number) v).longValue());
                } else if (v instanceof Boolean b) {
                    json.writeBoolean(b);
                } else {
                    json.writeString(v.toString());
                }
            }
            json.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            if (rows() > 0) {
                json.writeRaw('\n');
            }
            json.flush();
        }
    }
}
