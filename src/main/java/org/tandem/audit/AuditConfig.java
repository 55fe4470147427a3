package org.tandem.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The audit log's settings (prefix {@code tandem.audit}). */
@ConfigMapping(prefix = "tandem.audit")
public interface AuditConfig {

    /** How often each replica links new events into their clinic's hash chain ("off": never). */
    @WithDefault("10s")
    String sealInterval();

    /**
     * How old an event must be before it is sealed. It must outlast the longest transaction (Quarkus's default
     * transaction timeout is 60 s), so that no event still to commit falls behind the chain's head.
     */
    @WithDefault("2m")
    Duration sealGrace();

    /** How reads' audit events are written together (AuditWriter). */
    GroupCommit groupCommit();

    interface GroupCommit {
        /** The most events one insert and commit takes. */
        @WithDefault("500")
        int maxBatch();

        /** Events waiting for the writer; a read that finds the queue full is refused with 503. */
        @WithDefault("10000")
        int queueCapacity();

        /** How long a read waits for its event's commit before it is refused with 503. */
        @WithDefault("5s")
        Duration commitTimeout();
    }
}
