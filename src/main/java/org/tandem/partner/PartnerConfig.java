package org.tandem.partner;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Partner accounts' settings (prefix {@code tandem.partner}). */
@ConfigMapping(prefix = "tandem.partner")
public interface PartnerConfig {

    /** How long an invitation's one-time activation code stays valid. */
    @WithDefault("7d")
    Duration activationLifespan();
}
