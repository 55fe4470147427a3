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
}
