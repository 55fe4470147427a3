package org.tandem.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/**
 * Settings every feature shares (prefix {@code tandem}): each feature owns its own group ({@code ExportConfig},
 * {@code WebhookConfig}, ...); Quarkus' standard settings configure everything else.
 */
@ConfigMapping(prefix = "tandem")
public interface TandemConfig {

    /** Load the demo clinics, therapists and couples at start. Env: {@code TANDEM_DEMO_DATA}. */
    @WithName("demo-data")
    @WithDefault("false")
    boolean demoData();

    /** Time zone given to a clinic the first time one of its users calls the API. */
    @WithName("default-clinic-zone")
    @WithDefault("UTC")
    String defaultClinicZone();

    /**
     * The address clients reach the API at, e.g. https://tandem.example.org, for links the API hands out that are
     * followed later by other software (calendar feed URLs). Unset: taken from the request. Env: TANDEM_PUBLIC_BASE_URL.
     */
    @WithName("public-base-url")
    Optional<String> publicBaseUrl();

    Paging paging();

    interface Paging {
        /** Page size when the caller names none. */
        @WithDefault("20")
        int defaultSize();

        /** The largest page a caller may ask for: lists never load unbounded rows. */
        @WithDefault("100")
        int maxSize();
    }
}
