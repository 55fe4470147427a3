package org.tandem.scheduling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Scheduling settings (prefix {@code tandem.scheduling}). */
@ConfigMapping(prefix = "tandem.scheduling")
public interface SchedulingConfig {
    /** How far ahead an open-ended series has its occurrences created. */
    @WithDefault("12")
    int horizonWeeks();
}
