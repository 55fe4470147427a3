package org.tandem.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import org.tandem.clinic.ClinicRepository;
import org.tandem.therapist.TherapistRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identities the demo realm cannot mint (no clinic claim, a new clinic, a moved therapist): simulated with
 * quarkus-test-security; the rest of the path (resources, services, database) is real.
 */
@QuarkusTest
class CallerProvisioningTest {

    @Inject
    TherapistRepository therapists;

    @Inject
    ClinicRepository clinics;

    @Test
    @TestSecurity(user = "orphan", roles = Roles.THERAPIST)
    @OidcSecurity(claims = @Claim(key = "sub", value = "0f0f0f0f-0000-4000-8000-000000000000"))
    void aTokenWithoutAClinicReachesNothing() {
        given().get("/api/v1/couples").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/no-clinic"));
    }

    @Test
    @TestSecurity(user = "moved", roles = Roles.THERAPIST)
    @OidcSecurity(claims = {
            @Claim(key = "sub", value = "11111111-1111-4111-8111-111111111111"),
            @Claim(key = "clinic", value = "other-clinic")})
    void aTherapistMovedToAnotherClinicDoesNotCarryTheirAccessAcross() {
        given().get("/api/v1/couples").then().statusCode(403)
                .body("type", equalTo("/problems/no-clinic"));
    }

    @Test
    @TestSecurity(user = "stranger", roles = "offline_access")
    @OidcSecurity(claims = {
            @Claim(key = "sub", value = "7a7a7a7a-0000-4000-8000-000000000002"),
            @Claim(key = "clinic", value = "clinic-of-a-roleless-token")})
    void aTokenWithoutATandemRoleIsDeniedAndLeavesNoClinicBehind() {
        // The role check runs before CallerFilter, which would otherwise create the token's clinic.
        given().get("/api/v1/couples").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/clinic").then().statusCode(403);
        assertFalse(clinicExists("clinic-of-a-roleless-token"));
    }

    @Test
    @TestSecurity(user = "newcomer", roles = Roles.THERAPIST)
    @OidcSecurity(claims = {
            @Claim(key = "sub", value = "5e5e5e5e-0000-4000-8000-000000000001"),
            @Claim(key = "clinic", value = "brand-new-clinic"),
            @Claim(key = "name", value = "New Colleague")})
    void concurrentFirstCallsProvisionTheTherapistAndClinicOnce() throws Exception {
        int callers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        warmConnectionPool(pool, callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            statuses.add(pool.submit(() -> {
                start.await();
                return given().get("/api/v1/couples").statusCode();
            }));
        }
        start.countDown();
        for (Future<Integer> status : statuses) {
            assertEquals(200, status.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, countTherapists("5e5e5e5e-0000-4000-8000-000000000001"));
        assertEquals("New Colleague", displayName("5e5e5e5e-0000-4000-8000-000000000001"));
        assertTrue(clinicExists("brand-new-clinic"));
    }

    /**
     * Opens as many database connections as there will be callers. With a cold pool, opening connections one by
     * one spaces the callers out so much that the first commits before the others read, and no race happens.
     */
    private void warmConnectionPool(ExecutorService pool, int connections) throws Exception {
        CountDownLatch allOpen = new CountDownLatch(connections);
        List<Future<?>> holders = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            holders.add(pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                clinics.count();
                allOpen.countDown();
                try {
                    allOpen.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })));
        }
        for (Future<?> holder : holders) {
            holder.get(60, TimeUnit.SECONDS);
        }
    }

    @Transactional
    long countTherapists(String subject) {
        return therapists.count("subject", subject);
    }

    @Transactional
    String displayName(String subject) {
        return therapists.findBySubject(subject).orElseThrow().getDisplayName();
    }

    @Transactional
    boolean clinicExists(String key) {
        return clinics.findByKey(key).isPresent();
    }
}
