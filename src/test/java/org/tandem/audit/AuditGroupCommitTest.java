package org.tandem.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;

/**
 * Reads are audited by group commit (AuditWriter): many concurrent reads share inserts and commits, each read's
 * event is written exactly once before its answer leaves, and a read whose event cannot be written is not
 * answered (503, Retry-After), whatever it read. AppKillIT kills the packaged app under read load.
 */
@QuarkusTest
class AuditGroupCommitTest {

    @Inject
    AgroalDataSource appUser;

    @Test
    void concurrentReadsAreEachAuditedOnceBeforeTheyAreAnswered() throws Exception {
        String couple = Api.createCouple("therapist1", unique());
        ExecutorService clients = Executors.newFixedThreadPool(24);
        List<Future<Map<String, Integer>>> results = new ArrayList<>();
        for (int client = 0; client < 24; client++) {
            results.add(clients.submit(() -> {
                Map<String, Integer> statusById = new HashMap<>();
                for (int i = 0; i < 5; i++) {
                    String requestId = "group-commit-" + UUID.randomUUID();
                    int status = as("therapist1").header("X-Request-Id", requestId)
                            .get("/api/v1/couples/" + couple).statusCode();
                    statusById.put(requestId, status);
                }
                return statusById;
            }));
        }
        Map<String, Integer> statusById = new HashMap<>();
        for (Future<Map<String, Integer>> result : results) {
            statusById.putAll(result.get());
        }
        clients.shutdown();
        assertEquals(120, statusById.size());
        assertEquals(List.of(200), statusById.values().stream().distinct().toList());

        Map<String, Integer> events = new HashMap<>();
        try (Connection c = appUser.getConnection(); PreparedStatement s = c.prepareStatement(
                "select request_id, count(*), min(action), min(record_id), min(subject), min(outcome),"
                        + " min(hex(clinic_id)) from audit_event where request_id like 'group-commit-%'"
                        + " group by request_id")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (statusById.containsKey(r.getString(1))) {
                        events.put(r.getString(1), r.getInt(2));
                        assertEquals("couple.read", r.getString(3));
                        assertEquals(couple, r.getString(4));
                        assertEquals("11111111-1111-4111-8111-111111111111", r.getString(5));
                        assertEquals("SUCCESS", r.getString(6));
                        assertEquals(demoClinic(c), r.getString(7));
                    }
                }
            }
        }
        assertEquals(statusById.keySet(), events.keySet(), "every answered read has its event");
        assertEquals(List.of(1), events.values().stream().distinct().toList(), "and only one");
    }

    @Test
    void aReadWhoseAuditEventCannotBeWrittenIsNotAnswered() throws Exception {
        String couple = Api.createCouple("therapist1", "Unaudited" + unique());
        String requestId = "audit-fail-" + UUID.randomUUID();
        try (Connection owner = AuditChainTest.owner(); Statement s = owner.createStatement()) {
            // What a full disk or a lost database does to one batch, for this request's events only.
            s.execute("create trigger audit_fail_test before insert on audit_event for each row begin"
                    + " if new.request_id like 'audit-fail-%' then"
                    + " signal sqlstate '45000' set message_text = 'audit store failed'; end if; end");
            try {
                as("therapist1").header("X-Request-Id", requestId).get("/api/v1/couples/" + couple).then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "1")
                        .body("type", endsWith("/audit-unavailable"))
                        .body(not(containsString("Unaudited")))
                        .body(not(containsString("partners")));
            } finally {
                s.execute("drop trigger audit_fail_test");
            }
        }
        try (Connection c = appUser.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from audit_event where request_id = ?")) {
            s.setString(1, requestId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(0, r.getInt(1), "nothing was written for the refused read");
            }
        }
        as("therapist1").get("/api/v1/couples/" + couple).then().statusCode(200).body("id", equalTo(couple));
    }

    private static String demoClinic(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select hex(id) from clinic where clinic_key = 'demo-clinic'")) {
            r.next();
            return r.getString(1);
        }
    }
}
