package org.tandem.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.testsupport.Api;

/**
 * The audit log is tamper-evident: the app's database user cannot change or delete an event, and when someone who
 * can (a database administrator, here the schema's owner) does, the verification names the event.
 */
@QuarkusTest
class AuditChainTest {

    static final String VERIFY = "/api/v1/audit-events/verification";

    @Inject
    AuditSealer sealer;

    @Inject
    AgroalDataSource appUser;

    @Test
    void theAppsDatabaseUserCanNeitherChangeNorDeleteAnEvent() throws Exception {
        Api.createCouple("therapist1", unique());
        sealer.sealAll(); // so that there are seals to try too
        try (Connection c = appUser.getConnection(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("update audit_event set action = 'x' limit 1"));
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from audit_event limit 1"));
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from audit_seal limit 1"));
            // Nor take the guard away: the triggers belong to the schema's owner.
            assertThrows(SQLException.class, () -> s.execute("drop trigger audit_event_append_only_update"));
            assertThrows(SQLException.class, () -> s.execute("alter table audit_event add column x int"));
            try (ResultSet r = s.executeQuery("select count(*) from audit_event")) {
                assertTrue(r.next() && r.getLong(1) > 0, "it reads the log");
            }
        }
    }

    @Test
    void aChangedOrDeletedEventIsNamedByTheVerificationAndTheOperatorsCommand() throws Exception {
        Api.createCouple("therapist1", unique());
        sealer.sealAll();
        as("admin1").get(VERIFY).then().statusCode(200).body("intact", equalTo(true))
                .body("sealedEvents", greaterThan(0)).body("firstBreak", equalTo(null));
        UUID changed = lastSealedEventOfDemoClinic();
        try (Connection owner = owner()) {
            tamper(owner, "audit_event_append_only_update",
                    "update audit_event set action = 'note.read-nothing-to-see' where id = ?", changed);
            as("admin1").get(VERIFY).then().statusCode(200).body("intact", equalTo(false))
                    .body("firstBreak.eventId", equalTo(changed.toString()))
                    .body("firstBreak.problem", equalTo("event-changed"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(false, AuditChainCheck.check(owner, new PrintStream(out, true, StandardCharsets.UTF_8)));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("BROKEN at seal"), out.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains(changed.toString()));
            // The other clinic's chain is its own, and intact.
            as("admin9").get(VERIFY).then().statusCode(200).body("intact", equalTo(true));
            restore(owner, changed);
            as("admin1").get(VERIFY).then().statusCode(200).body("intact", equalTo(true));

            List<Object> row = row(owner, changed);
            tamper(owner, "audit_event_append_only_delete", "delete from audit_event where id = ?", changed);
            as("admin1").get(VERIFY).then().statusCode(200).body("intact", equalTo(false))
                    .body("firstBreak.eventId", equalTo(changed.toString()))
                    .body("firstBreak.problem", equalTo("event-deleted"));
            reinsert(owner, row);
            as("admin1").get(VERIFY).then().statusCode(200).body("intact", equalTo(true));
            assertTrue(AuditChainCheck.check(owner, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8)));
        }
        as("admin1").queryParam("recordType", "audit-event").get("/api/v1/audit-events").then()
                .body("items.action", org.hamcrest.Matchers.hasItem("audit.verify"));
    }

    @Test
    void twoReplicasSealingAtOnceSealEachEventOnce() throws Exception {
        // Many rounds, because the two sealers must not shut each other out when they run in step (they once did:
        // each held a shared lock on the chain head that the other skipped).
        for (int round = 0; round < 20; round++) {
            Api.createCouple("therapist1", unique());
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(sealer::sealAll);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(sealer::sealAll);
            assertTrue(a.get() + b.get() > 0, "something was sealed in round " + round);
        }
        try (Connection c = appUser.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*), count(distinct chain_id, seq) from audit_seal")) {
            r.next();
            assertEquals(r.getLong(1), r.getLong(2), "no seat in a chain taken twice");
        }
        as("admin1").get(VERIFY).then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void onlyAnAdminVerifiesTheirClinicsLog() {
        anonymous().get(VERIFY).then().statusCode(401);
        as("therapist1").get(VERIFY).then().statusCode(403);
        io.restassured.RestAssured.given().auth().oauth2(org.tandem.testsupport.Tokens.integration()).get(VERIFY)
                .then().statusCode(403);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** What a database administrator has: the schema owner's rights (AuditGroupCommitTest uses it too). */
    static Connection owner() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }

    /** Takes the trigger away, runs the change, puts the trigger back: what someone with DDL rights could do. */
    private static void tamper(Connection owner, String trigger, String sql, UUID id) throws SQLException {
        String kind = trigger.endsWith("update") ? "update" : "delete";
        try (Statement s = owner.createStatement()) {
            s.execute("drop trigger " + trigger);
            try (PreparedStatement change = owner.prepareStatement(sql)) {
                change.setBytes(1, BinaryUuids.bytes(id));
                assertEquals(1, change.executeUpdate());
            } finally {
                s.execute("create trigger " + trigger + " before " + kind + " on audit_event for each row"
                        + " signal sqlstate '45000' set message_text = 'audit_event is append-only'");
            }
        }
    }

    /** Puts the event's action back as it was sealed. */
    private void restore(Connection owner, UUID id) throws SQLException {
        tamper(owner, "audit_event_append_only_update", "update audit_event set action = '" + originalAction
                + "' where id = ?", id);
    }

    private String originalAction;

    private UUID lastSealedEventOfDemoClinic() throws SQLException {
        try (Connection c = appUser.getConnection(); PreparedStatement q = c.prepareStatement("select s.event_id,"
                + " e.action from audit_seal s join audit_event e on e.id = s.event_id join clinic k on k.id = s.chain_id"
                + " where k.clinic_key = 'demo-clinic' order by s.seq desc limit 1"); ResultSet r = q.executeQuery()) {
            assertTrue(r.next(), "the demo clinic has sealed events");
            originalAction = r.getString(2);
            return BinaryUuids.of(r.getBytes(1));
        }
    }

    private static List<Object> row(Connection owner, UUID id) throws SQLException {
        try (PreparedStatement q = owner.prepareStatement("select * from audit_event where id = ?")) {
            q.setBytes(1, BinaryUuids.bytes(id));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    values.add(r.getObject(i));
                }
                return values;
            }
        }
    }

    private static void reinsert(Connection owner, List<Object> row) throws SQLException {
        try (PreparedStatement insert = owner.prepareStatement("insert into audit_event values ("
                + "?,".repeat(row.size() - 1) + "?)")) {
            for (int i = 0; i < row.size(); i++) {
                insert.setObject(i + 1, row.get(i));
            }
            assertEquals(1, insert.executeUpdate());
        }
    }
}
