package org.tandem.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The verified-token cache's settings (prefix {@code tandem.token-cache}; see {@link VerifiedTokens}). */
@ConfigMapping(prefix = "tandem.token-cache")
public interface TokenCacheConfig {

    /**
     * How many verified tokens a replica remembers (about 2 kB each); 0 turns the cache off, so every request's
     * token is verified in full. Env: TANDEM_TOKEN_CACHE_MAX_SIZE.
     */
    @WithDefault("2000")
    int maxSize();
}
