package org.tandem.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/** Tandem's own settings (prefix {@code tandem}); Quarkus' standard settings configure everything else. */
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

    Scheduling scheduling();

    Notes notes();

    Progress progress();

    Exports exports();

    RateLimit rateLimit();

    Webhooks webhooks();

    IdentityProvider identityProvider();

    interface IdentityProvider {
        /**
         * How long a call to Keycloak (discovery, signing keys) may go without an answer before it fails. Quarkus
         * bounds only the connect; a Keycloak that accepts and never answers would otherwise hold a key refresh,
         * and the request that set it off, for good. Env: TANDEM_IDENTITY_PROVIDER_REQUEST_TIMEOUT.
         */
        @WithDefault("5s")
        java.time.Duration requestTimeout();
    }

    interface Webhooks {
        /** How often each replica sends due deliveries ("off": never; the tests run the sender themselves). */
        @WithDefault("2s")
        String pollInterval();

        /** Failed attempts before a delivery is dead-lettered (DEAD; an admin can redeliver it). */
        @WithDefault("8")
        int maxAttempts();

        /** Wait after the first failure; doubled after each further one (10s, 20s, 40s, ... capped at 6 h). */
        @WithDefault("10s")
        java.time.Duration backoff();

        /** How long a claimed delivery is reserved for its sender; after that another replica may send it. */
        @WithDefault("60s")
        java.time.Duration lease();

        /** Accept http:// endpoint URLs (local development and tests only; production needs https). */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Networks (CIDR, e.g. 10.20.0.0/16 or 2001:db8:5::/48) that may receive webhooks although they are not
         * public: a clinic's receiver on premises. Unset: only public addresses. Env:
         * TANDEM_WEBHOOKS_ALLOWED_NETWORKS (comma-separated).
         */
        Optional<java.util.List<String>> allowedNetworks();

        /** How long a receiver may take to accept the connection. */
        @WithDefault("5s")
        java.time.Duration connectTimeout();

        /** How long a receiver may stay silent once connected before the attempt counts as a timeout. */
        @WithDefault("10s")
        java.time.Duration answerTimeout();
    }

    interface RateLimit {
        /** Off: no limits and no RateLimit headers. */
        @WithDefault("true")
        boolean enabled();

        /** Requests each client (a user, or an integration's service account) may make per window. */
        @WithDefault("600")
        int capacity();

        /** The window the capacity refills over (greedily, so a client never waits a whole window). */
        @WithDefault("60s")
        java.time.Duration window();

        /** Other capacities for named OAuth2 clients (azp), e.g. {@code tandem.rate-limit.clients.billing=120}. */
        java.util.Map<String, Integer> clients();
    }

    interface Exports {
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

    interface Progress {
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

    interface Notes {
        /**
         * The key-encryption key for note bodies: base64 of 32 random bytes (openssl rand -base64 32). Required:
         * the app does not start without it. Env: TANDEM_NOTES_KEY, from a Kubernetes Secret, never the repo.
         */
        String key();

        /** The id of {@link #key()}, recorded with every data key it wraps. Env: TANDEM_NOTES_KEY_ID. */
        @WithDefault("k1")
        String keyId();

        /** Earlier keys, {@code id:base64[,id:base64]}, kept until the re-wrap job has moved their data keys. */
        Optional<String> previousKeys();
    }

    interface Scheduling {
        /** How far ahead an open-ended series has its occurrences created. */
        @WithDefault("12")
        int horizonWeeks();
    }

    interface Paging {
        /** Page size when the caller names none. */
        @WithDefault("20")
        int defaultSize();

        /** The largest page a caller may ask for: lists never load unbounded rows. */
        @WithDefault("100")
        int maxSize();
    }
}
