package org.tandem.staff;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Bookings;
import org.tandem.testsupport.KeycloakAdmin;
import org.tandem.testsupport.Slots;
import org.tandem.testsupport.Tokens;

/**
 * Staff lifecycle against the real Keycloak and MariaDB: an admin invites someone (a real Keycloak account), they set
 * a password and work, an admin deactivates them (refused at once, feed revoked, account disabled, couples listed)
 * and reactivates them.
 */
@QuarkusTest
class StaffLifecycleTest {

    private static final String STAFF = "/api/v1/staff";

    @Inject
    AgroalDataSource db;

    /** Someone invited and signed in: their staff id, Keycloak id, e-mail, and a fresh token. */
    record Person(String id, String subject, String email) {
        RequestSpecification api() {
            return given().auth().oauth2(token()).contentType("application/json");
        }

        String token() {
            return Tokens.password(KeycloakAdmin.realmUrl(), email);
        }
    }

    @Test
    void anInviteCreatesARealAccountThatWorksOnceThePasswordIsSet() {
        String email = "Invited." + unique() + "@Demo.Tandem.invalid";
        Response invited = as("admin1").body(invite(email, "therapist")).post(STAFF).then().statusCode(201)
                .body("member.status", equalTo("INVITED"))
                .body("member.email", equalTo(email.toLowerCase(Locale.ROOT)))
                .body("member.displayName", equalTo("Kim Newcomer"))
                .body("member.roles", equalTo(List.of("therapist")))
                .body("member.invitedAt", notNullValue())
                .body("member.joinedAt", nullValue())
                // The demo realm has no mail server: Keycloak cannot send it, and the answer says so.
                .body("invitationSent", equalTo(false))
                .extract().response();
        String id = invited.path("member.id");
        assertTrue(invited.header("Location").endsWith(STAFF + "/" + id), invited.header("Location"));

        String subject = keycloakId(email);
        var account = KeycloakAdmin.user(subject);
        assertEquals(true, account.getBoolean("enabled"));
        assertEquals(List.of("demo-clinic"), account.getList("attributes.clinic"));
        assertEquals(List.of("UPDATE_PASSWORD"), account.getList("requiredActions"));
        assertTrue(KeycloakAdmin.realmRoles(subject).contains("therapist"));
        assertTrue(!KeycloakAdmin.realmRoles(subject).contains("admin"));

        as("admin1").post(STAFF + "/" + id + "/resend-invitation").then().statusCode(200)
                .body("member.id", equalTo(id)).body("invitationSent", equalTo(false));

        KeycloakAdmin.completeInvitation(subject);
        Person person = new Person(id, subject, email.toLowerCase(Locale.ROOT));
        // Their first call: a therapist, with one id for the person.
        person.api().get("/api/v1/calendar-feed").then().statusCode(404);
        as("admin1").get(STAFF + "/" + id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("joinedAt", notNullValue());
        assertEquals(id, Api.therapistId("admin1", person.email()));
        as("admin1").post(STAFF + "/" + id + "/resend-invitation").then().statusCode(409)
                .body("type", endsWith("/not-invited"));
    }

    @Test
    void aDeactivatedTherapistIsRefusedLosesTheirFeedAndAccountAndTheirCouplesAreListed() {
        Person person = signedIn("therapist");
        String token = person.token();
        String feed = URI.create(given().auth().oauth2(token).post("/api/v1/calendar-feed").then().statusCode(200)
                .extract().<String>path("url")).getPath();
        given().get(feed).then().statusCode(200);
        Response primary = Api.createCouple("admin1", Api.coupleBodyWithPrimary(unique(), person.id()));
        Instant start = Slots.anyDay().atTime(10, 0).toInstant(ZoneOffset.UTC);
        Map<String, Object> session = Bookings.session(primary.path("id"), start.toString(),
                start.plusSeconds(3000).toString());
        session.put("therapistId", person.id());
        Bookings.book("admin1", session);
        String coTreated = Api.createCouple("therapist1", unique());
        String etag = as("admin1").get("/api/v1/couples/" + coTreated).then().statusCode(200).extract().header("ETag");
        as("admin1").header("If-Match", etag)
                .body(Map.of("primaryTherapistId", Api.therapistId("admin1", "therapist1"), "coTherapistIds",
                        List.of(person.id())))
                .put("/api/v1/couples/" + coTreated + "/therapists").then().statusCode(200);

        as("admin1").post(STAFF + "/" + person.id() + "/deactivate").then().statusCode(200)
                .body("member.status", equalTo("DEACTIVATED"))
                .body("member.deactivatedAt", notNullValue())
                .body("signInDisabled", equalTo(true))
                .body("couplesToReassign.find { it.id == '" + primary.path("id") + "' }.assignment", equalTo("primary"))
                .body("couplesToReassign.find { it.id == '" + primary.path("id") + "' }.code",
                        equalTo(primary.path("code")))
                .body("couplesToReassign.find { it.id == '" + coTreated + "' }.assignment", equalTo("co-therapist"))
                .body("sessionsToMove", equalTo(1))
                .body(not(containsString("Example"))); // codes only, never a partner's name

        // The token they hold is still valid for Keycloak's signature, and refused at once.
        given().auth().oauth2(token).get("/api/v1/calendar-feed").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("type", endsWith("/account-deactivated"));
        given().auth().oauth2(token).get("/api/v1/couples").then().statusCode(401);
        given().get(feed).then().statusCode(404);
        // Keycloak gives them no new token.
        given().baseUri(Tokens.tokenUrl()).formParam("grant_type", "password").formParam("client_id", "tandem-api")
                .formParam("client_secret", "tandem-api-secret").formParam("username", person.email())
                .formParam("password", "demo").post().then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertEquals(false, KeycloakAdmin.user(person.subject()).getBoolean("enabled"));
        // Nobody gives them new work.
        as("admin1").body(Api.coupleBodyWithPrimary(unique(), person.id())).post("/api/v1/couples").then()
                .statusCode(400).body("violations[0].field", equalTo("primaryTherapistId"));
        as("admin1").queryParam("status", "DEACTIVATED").queryParam("size", 100).get(STAFF).then().statusCode(200)
                .body("items.id", hasItem(person.id()));
        as("admin1").queryParam("recordType", "staff").queryParam("recordId", person.id())
                .get("/api/v1/audit-events").then().statusCode(200).body("items.action", hasItem("staff.deactivate"));
        // Deactivating again changes nothing and answers the same.
        as("admin1").post(STAFF + "/" + person.id() + "/deactivate").then().statusCode(200)
                .body("member.status", equalTo("DEACTIVATED"));

        as("admin1").post(STAFF + "/" + person.id() + "/reactivate").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("deactivatedAt", nullValue());
        assertEquals(true, KeycloakAdmin.user(person.subject()).getBoolean("enabled"));
        person.api().get("/api/v1/calendar-feed").then().statusCode(404); // works again; the old feed stays revoked
        given().auth().oauth2(token).get("/api/v1/couples").then().statusCode(200);
    }

    @Test
    void aDeactivationCommittedByAnotherReplicaIsRefusedHereWithinSeconds() throws Exception {
        Person person = signedIn("therapist");
        String token = person.token();
        given().auth().oauth2(token).get("/api/v1/couples").then().statusCode(200); // now cached on this replica
        setDeactivated(person.id(), true); // what another replica's deactivation commits
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/couples").then().statusCode(401));
        setDeactivated(person.id(), false);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/couples").then().statusCode(200));
    }

    @Test
    void anInvitedAdminManagesStaffUntilDeactivated() {
        Person admin = signedIn("admin");
        admin.api().get(STAFF).then().statusCode(200);
        admin.api().get("/api/v1/couples").then().statusCode(200);
        assertEquals(List.of("admin"), as("admin1").get(STAFF + "/" + admin.id()).then().statusCode(200).extract()
                .<List<String>>path("roles"));
        String token = admin.token();
        as("admin1").post(STAFF + "/" + admin.id() + "/deactivate").then().statusCode(200)
                .body("couplesToReassign", equalTo(List.of()));
        given().auth().oauth2(token).get(STAFF).then().statusCode(401);
    }

    @Test
    void nobodyDeactivatesThemselves() {
        String self = as("admin1").queryParam("size", 100).get(STAFF).then().statusCode(200).extract()
                .path("items.find { it.username == 'admin1' }.id");
        as("admin1").post(STAFF + "/" + self + "/deactivate").then().statusCode(409)
                .body("type", endsWith("/cannot-deactivate-yourself"));
        as("admin1").get("/api/v1/couples").then().statusCode(200);
    }

    @Test
    void badInvitesAreProblemsAndLeaveNoAccountBehind() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("firstName", "Kim", "lastName", "Newcomer", "roles", List.of("therapist")),
                Map.of("email", "not-an-address", "firstName", "Kim", "lastName", "Newcomer", "roles", List.of("therapist")),
                Map.of("email", unique() + "@demo.tandem.invalid", "firstName", "<script>", "lastName", "Newcomer",
                        "roles", List.of("therapist")),
                Map.of("email", unique() + "@demo.tandem.invalid", "firstName", "Kim", "lastName", "Newcomer",
                        "roles", List.of("root")),
                Map.of("email", unique() + "@demo.tandem.invalid", "firstName", "Kim", "lastName", "Newcomer",
                        "roles", List.of()))) {
            as("admin1").body(bad).post(STAFF).then().statusCode(400).contentType("application/problem+json")
                    .body("violations", notNullValue());
        }
        as("admin1").contentType("application/json").body("{\"email\":").post(STAFF).then().statusCode(400);
        as("admin1").queryParam("status", "SLEEPING").get(STAFF).then().statusCode(400)
                .body("violations[0].field", equalTo("status"));

        // Someone of this clinic has it; someone of another clinic has it (only Keycloak knows): 409 both times.
        as("admin1").body(invite("therapist1@demo.tandem.invalid", "therapist")).post(STAFF).then().statusCode(409)
                .body("type", endsWith("/email-in-use"));
        as("admin1").body(invite("therapist9@demo.tandem.invalid", "therapist")).post(STAFF).then().statusCode(409)
                .body("type", endsWith("/email-in-use")).body(not(containsString("other-clinic")));
        assertEquals(1, KeycloakAdmin.realm().queryParam("email", "therapist9@demo.tandem.invalid")
                .queryParam("exact", true).get("/users").then().statusCode(200).extract().jsonPath()
                .getList("$").size());
    }

    @Test
    void onlyAdminsOfTheClinicReachStaff() {
        Person person = signedIn("therapist");
        String one = STAFF + "/" + person.id();
        List<String[]> operations = List.of(new String[] {"GET", STAFF}, new String[] {"GET", one},
                new String[] {"POST", STAFF}, new String[] {"POST", one + "/resend-invitation"},
                new String[] {"POST", one + "/deactivate"}, new String[] {"POST", one + "/reactivate"});
        for (String[] op : operations) {
            Map<String, Object> body = invite(unique() + "@demo.tandem.invalid", "therapist");
            anonymous().body(body).request(op[0], op[1]).then().statusCode(401);
            as("therapist1").body(body).request(op[0], op[1]).then().statusCode(403)
                    .contentType("application/problem+json");
            asIntegration().body(body).request(op[0], op[1]).then().statusCode(403);
            person.api().body(body).request(op[0], op[1]).then().statusCode(403);
        }
        // Another clinic's admin does not find this clinic's people (and changes nothing).
        for (String[] op : operations.subList(1, operations.size())) {
            if (!op[1].equals(STAFF)) {
                as("admin9").request(op[0], op[1]).then().statusCode(404).body("type", endsWith("/not-found"));
            }
        }
        as("admin9").queryParam("size", 100).get(STAFF).then().statusCode(200)
                .body("items.id", not(hasItem(person.id())));
        as("admin1").post(STAFF + "/" + UUID.randomUUID() + "/deactivate").then().statusCode(404);
        person.api().get("/api/v1/couples").then().statusCode(200);
        as("admin1").get(one).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static Map<String, Object> invite(String email, String... roles) {
        return Map.of("email", email, "firstName", "Kim", "lastName", "Newcomer", "roles", List.of(roles));
    }

    /** Invited by admin1, password set, first call made. */
    private static Person signedIn(String... roles) {
        String email = "staff-" + unique() + "@demo.tandem.invalid";
        String id = as("admin1").body(invite(email, roles)).post(STAFF).then().statusCode(201).extract()
                .path("member.id");
        String subject = keycloakId(email);
        KeycloakAdmin.completeInvitation(subject);
        Person person = new Person(id, subject, email);
        person.api().get("/api/v1/couples").then().statusCode(200);
        return person;
    }

    private static String keycloakId(String email) {
        List<String> ids = KeycloakAdmin.realm().queryParam("email", email).queryParam("exact", true).get("/users")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertEquals(1, ids.size(), "one account for " + email);
        return ids.get(0);
    }

    private void setDeactivated(String id, boolean deactivated) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update staff_member set deactivated_at = " + (deactivated ? "utc_timestamp(6)" : "null")
                        + " where id = ?")) {
            s.setBytes(1, org.tandem.common.persistence.BinaryUuids.bytes(UUID.fromString(id)));
            assertEquals(1, s.executeUpdate());
        }
    }
}
