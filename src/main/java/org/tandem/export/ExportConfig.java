package org.tandem.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Export job settings (prefix {@code tandem.exports}). */
@ConfigMapping(prefix = "tandem.exports")
public interface ExportConfig {
    /** How long a finished export's file is kept before it is deleted (ISO-8601 or 7d). */
    @WithDefault("7d")
    java.time.Duration retention();

    /** How often each replica looks for queued exports ("off": never; the tests run the worker themselves). */
    @WithDefault("2s")
    String pollInterval();

    /** A running export whose heartbeat is older than this is taken over by another replica. */
    @WithDefault("60s")
    java.time.Duration heartbeatTimeout();

    /** Attempts before an export is marked FAILED. */
    @WithDefault("3")
    int maxAttempts();

    /** Bytes per stored chunk of output: memory per running export stays about this size. */
    @WithDefault("1048576")
    int chunkSize();

    /** The longest period one export covers, in days. */
    @WithDefault("1096")
    int maxRangeDays();
}
