package org.tandem.ratelimit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;

/** clinic-readonly has 30 requests a minute in the test profile; everyone else effectively no limit. */
@QuarkusTest
class RateLimitTest {

    private static final Pattern REMAINING = Pattern.compile("\"default\";r=(\\d+);t=(\\d+)");

    @Inject
    RateLimiter limiter;

    @AfterEach
    void refill() {
        limiter.reset();
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfter() {
        limiter.reset();
        Response first = Api.asReadOnlyIntegration().get("/api/v1/sessions");
        first.then().statusCode(200).header("RateLimit-Policy", "\"default\";q=30;w=60");
        Matcher m = REMAINING.matcher(first.header("RateLimit"));
        assertTrue(m.matches(), first.header("RateLimit"));
        assertEquals(29, Integer.parseInt(m.group(1)));
        for (int i = 0; i < 29; i++) {
            Api.asReadOnlyIntegration().get("/api/v1/sessions").then().statusCode(200);
        }
        Response refused = Api.asReadOnlyIntegration().get("/api/v1/sessions");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("/problems/rate-limited"))
                .header("RateLimit-Policy", "\"default\";q=30;w=60");
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "a token returns every 2 s: " + retryAfter);
        // Limits are per client: other callers are unaffected.
        Api.asIntegration().get("/api/v1/sessions").then().statusCode(200)
                .header("RateLimit-Policy", "\"default\";q=1000000;w=60");
        Api.as("therapist1").get("/api/v1/sessions").then().statusCode(200);
    }

    /**
     * Many first requests of one caller at once, as when an app opens: they share the bucket's first round trip,
     * which must create the bucket rather than fail (Bucket4j's batching alone answered BucketNotFound, a 500).
     */
    @Test
    void concurrentFirstRequestsOfACallerAreAllCounted() throws Exception {
        for (String client : java.util.Arrays.asList(null, "clinic-readonly")) {
            String subject = "first-burst-" + java.util.UUID.randomUUID();
            ExecutorService pool = Executors.newFixedThreadPool(12);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RateLimiter.Decision>> decisions = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                decisions.add(pool.submit(() -> {
                    start.await();
                    return limiter.consume(client, subject);
                }));
            }
            start.countDown();
            long allowed = 0;
            for (Future<RateLimiter.Decision> d : decisions) {
                allowed += d.get(60, TimeUnit.SECONDS).allowed() ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(12, allowed, "client " + client);
            if (client != null) {
                // Counted exactly (no local share at 30 a minute): one more request sees 30 - 13 left.
                assertEquals(17, limiter.consume(client, subject).remaining());
            }
        }
    }

    @Test
    void unauthenticatedRequestsAreNotCounted() {
        Api.anonymous().get("/api/v1/sessions").then().statusCode(401).header("RateLimit", (String) null);
    }
}
