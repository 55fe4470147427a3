package org.tandem.scheduling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Scheduling settings (prefix {@code tandem.scheduling}). */
@ConfigMapping(prefix = "tandem.scheduling")
public interface SchedulingConfig {
    /** How far ahead an open-ended series has its occurrences created. */
    @WithDefault("12")
    int horizonWeeks();

    /** How often each replica extends the open-ended series (each series is locked while extended). */
    @WithDefault("1h")
    String extendInterval();

    /** How long after start a replica first extends them. */
    @WithDefault("1m")
    String extendDelay();
}
