package org.tandem.exercise;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExerciseResourceTest {

    private static final String EXERCISES = "/api/v1/exercises";

    @Test
    void aClinicStartsWithTheSeededLibrary() {
        as("therapist9").queryParam("size", 100).get(EXERCISES).then().statusCode(200)
                .body("totalItems", greaterThanOrEqualTo(13))
                .body("items.current.title", hasItems("Daily couple check-in", "Drafting a boundary agreement",
                        "Transparency practice for rebuilding trust", "Mindful breathing", "Physical exercise",
                        "A creative outlet", "Emotional-impact letter", "Reply to the emotional-impact letter",
                        "Relapse-prevention plan"))
                .body("items.find { it.current.title == 'Daily couple check-in' }.current.cadence.kind", equalTo("DAILY"))
                .body("items.find { it.current.title == 'Physical exercise' }.current.cadence.timesPerWeek", equalTo(3))
                .body("items.find { it.current.title == 'Daily couple check-in' }.current.instructions",
                        containsString("Sobriety"));
        as("admin1").queryParam("category", "RELAPSE_PREVENTION").queryParam("size", 100).get(EXERCISES).then()
                .statusCode(200).body("items.current.category", everyItem(equalTo("RELAPSE_PREVENTION")))
                .body("items.current.title", hasItem("Relapse-prevention plan"));
    }

    @Test
    void editingAddsAVersionAndKeepsTheOldOne() {
        String title = "Gratitude walk " + unique();
        Response created = as("therapist1").body(exercise(title)).post(EXERCISES).then().statusCode(201)
                .body("current.number", equalTo(1)).body("versions", equalTo(List.of(1))).extract().response();
        String id = created.path("id");
        Map<String, Object> edited = exercise(title + " (revised)");
        edited.put("cadence", "TIMES_PER_WEEK");
        edited.put("timesPerWeek", 2);
        as("therapist1").body(edited).put(EXERCISES + "/" + id).then().statusCode(428);
        as("therapist1").header("If-Match", created.header("ETag")).body(edited).put(EXERCISES + "/" + id).then()
                .statusCode(200).body("current.number", equalTo(2)).body("versions", equalTo(List.of(1, 2)))
                .body("current.cadence.timesPerWeek", equalTo(2));
        as("admin1").get(EXERCISES + "/" + id + "/versions/1").then().statusCode(200)
                .body("title", equalTo(title)).body("cadence.kind", equalTo("WEEKLY"));
        as("admin1").get(EXERCISES + "/" + id + "/versions/3").then().statusCode(404);
        as("therapist1").header("If-Match", created.header("ETag")).body(edited).put(EXERCISES + "/" + id).then()
                .statusCode(412);
    }

    @Test
    void archivedExercisesLeaveTheListButStayReadable() {
        Response created = as("admin1").body(exercise("Archive me " + unique())).post(EXERCISES).then().statusCode(201)
                .extract().response();
        String id = created.path("id");
        String etag = as("admin1").header("If-Match", created.header("ETag")).post(EXERCISES + "/" + id + "/archive")
                .then().statusCode(200).body("archived", equalTo(true)).extract().header("ETag");
        as("admin1").queryParam("size", 100).get(EXERCISES).then().body("items.id", not(hasItem(id)));
        as("admin1").queryParam("size", 100).queryParam("includeArchived", "true").get(EXERCISES).then()
                .body("items.id", hasItem(id));
        as("admin1").get(EXERCISES + "/" + id).then().statusCode(200);
        as("admin1").header("If-Match", etag).body(exercise("x")).put(EXERCISES + "/" + id).then().statusCode(409)
                .body("type", equalTo("/problems/exercise-archived"));
    }

    @Test
    void badExercisesAreFieldErrors() {
        Map<String, Object> body = exercise("Bad");
        body.put("cadence", "TIMES_PER_WEEK");
        as("therapist1").body(body).post(EXERCISES).then().statusCode(400)
                .body("violations[0].field", equalTo("timesPerWeek"));
        body.put("cadence", "DAILY");
        body.put("timesPerWeek", 3);
        as("therapist1").body(body).post(EXERCISES).then().statusCode(400)
                .body("violations[0].field", equalTo("timesPerWeek"));
        Map<String, Object> category = exercise("Bad");
        category.put("category", "ROMANCE");
        as("therapist1").body(category).post(EXERCISES).then().statusCode(400).body("field", equalTo("category"));
        Map<String, Object> blank = exercise(" ");
        blank.put("estimatedMinutes", 0);
        as("therapist1").body(blank).post(EXERCISES).then().statusCode(400)
                .body("violations.field", hasItems("title", "estimatedMinutes"));
        as("therapist1").queryParam("category", "ROMANCE").get(EXERCISES).then().statusCode(400);
        as("therapist1").queryParam("includeArchived", "maybe").get(EXERCISES).then().statusCode(400);
    }

    @Test
    void theLibraryFollowsTheRoleMatrix() {
        String id = as("admin1").body(exercise("Matrix " + unique())).post(EXERCISES).then().statusCode(201)
                .extract().path("id");
        anonymous().get(EXERCISES).then().statusCode(401);
        anonymous().get(EXERCISES + "/" + id).then().statusCode(401);
        anonymous().body(exercise("x")).post(EXERCISES).then().statusCode(401);
        anonymous().body(exercise("x")).put(EXERCISES + "/" + id).then().statusCode(401);
        anonymous().post(EXERCISES + "/" + id + "/archive").then().statusCode(401);
        anonymous().get(EXERCISES + "/" + id + "/versions/1").then().statusCode(401);
        asIntegration().get(EXERCISES + "/" + id + "/versions/1").then().statusCode(403);
        asIntegration().get(EXERCISES).then().statusCode(403);
        asIntegration().get(EXERCISES + "/" + id).then().statusCode(403);
        asIntegration().body(exercise("x")).post(EXERCISES).then().statusCode(403);
        asIntegration().header("If-Match", "\"0\"").body(exercise("x")).put(EXERCISES + "/" + id).then().statusCode(403);
        asIntegration().header("If-Match", "\"0\"").post(EXERCISES + "/" + id + "/archive").then().statusCode(403);
        for (String outsider : List.of("therapist9", "admin9")) {
            as(outsider).get(EXERCISES + "/" + id).then().statusCode(404);
            as(outsider).get(EXERCISES + "/" + id + "/versions/1").then().statusCode(404);
            as(outsider).header("If-Match", "\"0\"").body(exercise("x")).put(EXERCISES + "/" + id).then()
                    .statusCode(404);
            as(outsider).header("If-Match", "\"0\"").post(EXERCISES + "/" + id + "/archive").then().statusCode(404);
        }
    }

    static Map<String, Object> exercise(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("category", "COPING");
        body.put("instructions", "Walk for twenty minutes and name three things you are grateful for.");
        body.put("performer", "BOTH");
        body.put("cadence", "WEEKLY");
        body.put("estimatedMinutes", 20);
        body.put("prompts", List.of("What did you notice?"));
        return body;
    }
}
