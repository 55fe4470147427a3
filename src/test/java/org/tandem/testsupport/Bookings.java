package org.tandem.testsupport;

import static org.tandem.testsupport.Api.as;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Booking sessions through the API, for tests of scheduling and of what hangs off a session. */
public final class Bookings {

    public static final String SESSIONS = "/api/v1/sessions";

    private Bookings() {
    }

    /** A joint, in-person session body. */
    public static Map<String, Object> session(String coupleId, String start, String end) {
        Map<String, Object> body = new HashMap<>();
        body.put("coupleId", coupleId);
        body.put("kind", "JOINT");
        body.put("modality", "IN_PERSON");
        body.put("location", "Room 2");
        body.put("start", start);
        body.put("end", end);
        return body;
    }

    /** Books it as the user (201 checked). */
    public static Response book(String user, Map<String, Object> body) {
        return as(user).body(body).post(SESSIONS).then().statusCode(201).extract().response();
    }

    /** A couple with therapist1 as primary and therapist2 as co-therapist. */
    public static Response coupleWithBothTherapists() {
        return coupleWithBothTherapists(Api.coupleBody(Api.unique()));
    }

    /** The couple of this body, with therapist1 as primary and therapist2 as co-therapist. */
    public static Response coupleWithBothTherapists(Map<String, Object> body) {
        Response couple = Api.createCouple("therapist1", body);
        return as("admin1").header("If-Match", couple.header("ETag"))
                .body(Map.of("primaryTherapistId", Api.therapistId("admin1", "therapist1"),
                        "coTherapistIds", List.of(Api.therapistId("admin1", "therapist2"))))
                .put("/api/v1/couples/" + couple.path("id") + "/therapists").then().statusCode(200).extract().response();
    }
}
