package org.tandem.progress;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Progress and instrument settings (prefix {@code tandem.progress}). */
@ConfigMapping(prefix = "tandem.progress")
public interface ProgressConfig {
    /**
     * A directory of extra instrument files (*.json, the format of src/main/resources/instruments), read at
     * start-up next to the shipped ones: a clinic adds a questionnaire without a new build. A file whose key is
     * already taken stops the start. Env: TANDEM_PROGRESS_INSTRUMENTS_DIR.
     */
    Optional<String> instrumentsDir();

    /** The longest period one progress summary covers. */
    @WithDefault("731")
    int maxRangeDays();
}
