package org.tandem.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls the API as a demo user with a real token, and builds request bodies with unique names. */
public final class Api {

    /** Demo subjects fixed in the realm file. */
    public static final String THERAPIST1_SUB = "11111111-1111-4111-8111-111111111111";
    public static final String THERAPIST2_SUB = "22222222-2222-4222-8222-222222222222";

    private Api() {
    }

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(Tokens.of(username)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification asIntegration() {
        return given().auth().oauth2(Tokens.integration()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** The clinic's second integration, granted schedule:read only. */
    public static RequestSpecification asReadOnlyIntegration() {
        return given().auth().oauth2(Tokens.readOnlyIntegration()).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A unique marker to put in names, so a test finds exactly its own records. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> partner(String fullName) {
        return Map.of("fullName", fullName, "pronouns", "they/them", "dateOfBirth", "1985-04-12");
    }

    public static Map<String, Object> coupleBody(String marker) {
        return Map.of(
                "partners", List.of(
                        Map.of("fullName", "Kit " + marker, "preferredName", "Kit", "pronouns", "he/him",
                                "dateOfBirth", "1984-02-29", "email", "kit@example.invalid", "phone", "+49 30 1234567",
                                "recoveryRole", "IN_RECOVERY", "sobrietyDate", "2026-01-15"),
                        Map.of("fullName", "Lee " + marker, "pronouns", "she/her", "recoveryRole", "PARTNER")),
                "careStartedOn", "2026-02-01",
                "treatmentGoals", "Rebuild trust; agree boundaries");
    }

    /** A couple body that names its primary therapist. */
    public static Map<String, Object> coupleBodyWithPrimary(String marker, String primaryTherapistId) {
        Map<String, Object> body = new java.util.HashMap<>(coupleBody(marker));
        body.put("primaryTherapistId", primaryTherapistId);
        return body;
    }

    /** Creates a couple as the given user and returns the response (201 checked). */
    public static Response createCouple(String username, Map<String, Object> body) {
        return as(username).body(body).post("/api/v1/couples").then().statusCode(201).extract().response();
    }

    public static String createCouple(String username, String marker) {
        return createCouple(username, coupleBody(marker)).path("id");
    }

    /** The id of a demo therapist, looked up by an admin of their clinic. */
    public static String therapistId(String admin, String username) {
        return as(admin).queryParam("size", 100).get("/api/v1/therapists").then().statusCode(200).extract()
                .path("items.find { it.username == '" + username + "' }.id");
    }
}
