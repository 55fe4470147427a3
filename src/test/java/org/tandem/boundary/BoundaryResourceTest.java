package org.tandem.boundary;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;

@QuarkusTest
public class BoundaryResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @Test
    void renegotiatingKeepsTheHistory() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        String p2 = couple.path("partners[1].id");
        Response created = as("therapist1").body(boundary("Phone stays in the living room after 22:00", p2, p1,
                TODAY.minusDays(30), TODAY.plusDays(30))).post(path(coupleId)).then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("current.number", equalTo(1))
                .body("current.requestedBy", equalTo(p2)).body("current.protects", equalTo(p1))
                .extract().response();
        String id = created.path("id");

        Response renegotiated = as("therapist1").header("If-Match", created.header("ETag"))
                .body(boundary("Phone stays in the living room after 23:00", p2, null, TODAY, TODAY.plusDays(60)))
                .post(path(coupleId) + "/" + id + "/renegotiate").then().statusCode(200)
                .body("current.number", equalTo(2))
                .body("current.text", equalTo("Phone stays in the living room after 23:00"))
                .body("current.protects", equalTo(null))
                .body("history", hasSize(2))
                .body("history[0].status", equalTo("RENEGOTIATED"))
                .body("history[0].text", equalTo("Phone stays in the living room after 22:00"))
                .body("nextReviewOn", equalTo(TODAY.plusDays(60).toString()))
                .extract().response();
        as("therapist1").header("If-Match", created.header("ETag"))
                .body(boundary("stale", p2, null, TODAY, null)).post(path(coupleId) + "/" + id + "/renegotiate")
                .then().statusCode(412);

        Response retired = as("therapist1").header("If-Match", renegotiated.header("ETag"))
                .post(path(coupleId) + "/" + id + "/retire").then().statusCode(200)
                .body("status", equalTo("RETIRED")).body("history[1].status", equalTo("RETIRED")).extract().response();
        as("therapist1").header("If-Match", retired.header("ETag")).body(boundary("again", p1, null, TODAY, null))
                .post(path(coupleId) + "/" + id + "/renegotiate").then().statusCode(409)
                .body("type", equalTo("/problems/boundary-retired"));
        as("therapist1").queryParam("status", "ACTIVE").get(path(coupleId)).then().body("id", not(hasItem(id)));
        as("therapist1").get(path(coupleId) + "/" + id).then().body("history", hasSize(2));
    }

    @Test
    void reviewsDueAreListedAcrossATherapistsCouples() {
        Response mine = Api.createCouple("therapist1", Api.coupleBody(unique()));
        Response theirs = Api.createCouple("therapist2", Api.coupleBody(unique()));
        String dueSoon = create("therapist1", mine, TODAY.plusDays(3)).path("id");
        String later = create("therapist1", mine, TODAY.plusDays(40)).path("id");
        String overdue = create("therapist1", mine, TODAY.minusDays(2)).path("id");
        String other = create("therapist2", theirs, TODAY.plusDays(1)).path("id");

        as("therapist1").queryParam("days", 7).get("/api/v1/boundary-reviews").then().statusCode(200)
                .body("id", hasItem(dueSoon)).body("id", hasItem(overdue))
                .body("id", not(hasItem(later))).body("id", not(hasItem(other)));
        as("admin1").queryParam("days", 7).get("/api/v1/boundary-reviews").then().statusCode(200)
                .body("id", hasItem(other)).body("id", hasItem(dueSoon));
        as("admin9").get("/api/v1/boundary-reviews").then().statusCode(200).body("id", not(hasItem(other)));

        // Reviewed without change: it moves out of the window.
        String etag = as("therapist1").get(path(mine.path("id")) + "/" + dueSoon).then().extract().header("ETag");
        as("therapist1").header("If-Match", etag).body(Map.of("nextReviewOn", TODAY.plusDays(90).toString()))
                .post(path(mine.path("id")) + "/" + dueSoon + "/review").then().statusCode(200);
        as("therapist1").queryParam("days", 7).get("/api/v1/boundary-reviews").then().body("id", not(hasItem(dueSoon)));
        as("therapist1").queryParam("days", 1000).get("/api/v1/boundary-reviews").then().statusCode(400)
                .body("violations[0].field", equalTo("days"));
    }

    @Test
    void badBoundariesAreFieldErrors() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        as("therapist1").body(boundary(" ", p1, null, TODAY, null)).post(path(coupleId)).then().statusCode(400)
                .body("violations[0].field", equalTo("text"));
        as("therapist1").body(boundary("x", java.util.UUID.randomUUID().toString(), null, TODAY, null))
                .post(path(coupleId)).then().statusCode(400).body("violations[0].field", equalTo("requestedBy"));
        as("therapist1").body(boundary("x", p1, null, TODAY, TODAY.minusDays(1))).post(path(coupleId)).then()
                .statusCode(400).body("violations[0].field", equalTo("nextReviewOn"));
        Map<String, Object> badDate = boundary("x", p1, null, TODAY, null);
        badDate.put("agreedOn", "2031-13-01");
        as("therapist1").body(badDate).post(path(coupleId)).then().statusCode(400).body("field", equalTo("agreedOn"));
        as("therapist1").body(boundary("x".repeat(2001), p1, null, TODAY, null)).post(path(coupleId)).then()
                .statusCode(400);
        as("therapist1").get(path(coupleId)).then().body("$", hasSize(0));
    }

    @Test
    void boundariesFollowTheRoleMatrix() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        Response created = create("therapist1", couple, TODAY.plusDays(10));
        String id = created.path("id");
        Map<String, Object> body = boundary("x", couple.path("partners[0].id"), null, TODAY, null);
        anonymous().get(path(coupleId)).then().statusCode(401);
        anonymous().body(body).post(path(coupleId)).then().statusCode(401);
        anonymous().get("/api/v1/boundary-reviews").then().statusCode(401);
        anonymous().get(path(coupleId) + "/" + id).then().statusCode(401);
        anonymous().body(body).post(path(coupleId) + "/" + id + "/renegotiate").then().statusCode(401);
        anonymous().body(Map.of("nextReviewOn", TODAY.toString())).post(path(coupleId) + "/" + id + "/review").then()
                .statusCode(401);
        anonymous().post(path(coupleId) + "/" + id + "/retire").then().statusCode(401);
        asIntegration().get(path(coupleId) + "/" + id).then().statusCode(403);
        asIntegration().header("If-Match", created.header("ETag")).body(body)
                .post(path(coupleId) + "/" + id + "/renegotiate").then().statusCode(403);
        asIntegration().header("If-Match", created.header("ETag")).body(Map.of("nextReviewOn", TODAY.toString()))
                .post(path(coupleId) + "/" + id + "/review").then().statusCode(403);
        asIntegration().header("If-Match", created.header("ETag")).post(path(coupleId) + "/" + id + "/retire").then()
                .statusCode(403);
        asIntegration().get(path(coupleId)).then().statusCode(403);
        asIntegration().body(body).post(path(coupleId)).then().statusCode(403);
        asIntegration().get("/api/v1/boundary-reviews").then().statusCode(403);
        for (String outsider : List.of("therapist2", "therapist9", "admin9")) {
            as(outsider).get(path(coupleId)).then().statusCode(404);
            as(outsider).get(path(coupleId) + "/" + id).then().statusCode(404);
            as(outsider).body(body).post(path(coupleId)).then().statusCode(404);
            as(outsider).header("If-Match", created.header("ETag")).body(body)
                    .post(path(coupleId) + "/" + id + "/renegotiate").then().statusCode(404);
            as(outsider).header("If-Match", created.header("ETag")).post(path(coupleId) + "/" + id + "/retire").then()
                    .statusCode(404);
            as(outsider).header("If-Match", created.header("ETag")).body(Map.of("nextReviewOn", TODAY.toString()))
                    .post(path(coupleId) + "/" + id + "/review").then().statusCode(404);
        }
        as("admin1").get(path(coupleId) + "/" + id).then().statusCode(200);
    }

    private static Response create(String user, Response couple, LocalDate review) {
        return as(user).body(boundary("Boundary " + unique(), couple.path("partners[0].id"), null, TODAY.minusDays(30),
                review)).post(path(couple.path("id"))).then().statusCode(201).extract().response();
    }

    public static Map<String, Object> boundary(String text, String requestedBy, String protects, LocalDate agreed,
            LocalDate review) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        body.put("requestedBy", requestedBy);
        if (protects != null) {
            body.put("protects", protects);
        }
        body.put("agreedOn", agreed.toString());
        if (review != null) {
            body.put("nextReviewOn", review.toString());
        }
        return body;
    }

    private static String path(String coupleId) {
        return "/api/v1/couples/" + coupleId + "/boundaries";
    }
}
