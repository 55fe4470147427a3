package org.tandem.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log record the app writes while it is open, as it would reach the log: the message with its parameters,
 * and any exception with its causes and stack. For the canary tests: what is searched is what an operator reads.
 */
public final class CapturedLog implements AutoCloseable {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final Logger root = Logger.getLogger("");
    private final Handler handler = new Handler() {
        private final SimpleFormatter plain = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + (record instanceof ExtLogRecord ext
                    ? ext.getFormattedMessage() : plain.formatMessage(record)));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    public static CapturedLog start() {
        return new CapturedLog();
    }

    /** The records that contain the text. */
    public List<String> containing(String text) {
        return lines.stream().filter(line -> line.contains(text)).toList();
    }

    public int size() {
        return lines.size();
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}
