package org.tandem.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.tandem.common.web.QueryParams;
import org.tandem.common.web.StrictJson;
import org.tandem.common.web.Versions;
import org.tandem.questionnaire.Instrument;
import org.tandem.questionnaire.InstrumentCatalog;
import org.tandem.scheduling.SessionStatus;

/**
 * Jazzer fuzzes what reads untrusted input before any rule runs: the JSON readers of every request body (with
 * the app's strict settings) followed by Bean Validation, the instrument scoring of questionnaire answers, and the
 * If-Match and query-parameter parsers. The contract is that bad input is refused only in the ways the API turns
 * into a 4xx problem; any other exception would be a 500.
 *
 * <p>In {@code ./mvnw verify} each method replays its seed inputs (src/test/resources/org/tandem/fuzz/...) as a
 * regression test. To fuzz one of them for its bounded time:
 * {@code JAZZER_FUZZ=1 ./mvnw surefire:test@fuzz-regression -Dtest=InputParsersFuzzTest#requestBodies} after
 * {@code ./mvnw test-compile} (docs/reliability.md).
 */
@Tag("fuzz")
class InputParsersFuzzTest {

    private static final List<Class<?>> REQUESTS = Stream.of("boundary.BoundaryApi$BoundaryRequest",
            "boundary.BoundaryApi$ReviewRequest", "clinic.ClinicService$ClinicSettingsRequest",
            "couple.CoupleApi$CreateCoupleRequest", "couple.CoupleApi$StatusChangeRequest",
            "couple.CoupleApi$TherapistAssignmentRequest", "couple.CoupleApi$UpdateCoupleRequest",
            "exercise.AssignmentApi$AssignmentRequest", "exercise.AssignmentApi$CompletionRequest",
            "exercise.AssignmentApi$StatusRequest", "exercise.ExerciseApi$ExerciseRequest",
            "export.ExportApi$ExportRequest", "measurement.MeasurementApi$MeasurementRequest",
            "measurement.MeasurementApi$MetricRequest", "note.NoteApi$AddendumRequest", "note.NoteApi$NoteRequest",
            "questionnaire.QuestionnaireApi$SubmitRequest", "scheduling.SchedulingApi$CancelRequest",
            "scheduling.SchedulingApi$CreateSeriesRequest", "scheduling.SchedulingApi$CreateSessionRequest",
            "scheduling.SchedulingApi$RescheduleRequest", "scheduling.SchedulingApi$SeriesCancelRequest",
            "scheduling.SchedulingApi$SeriesChangeRequest", "scheduling.SchedulingApi$WorkingHoursRequest",
            "sobriety.SobrietyApi$ResetRequest", "webhook.WebhookApi$EndpointRequest")
            .<Class<?>>map(InputParsersFuzzTest::load).toList();

    /** Configured as Quarkus configures the app's mapper (application.properties and StrictJson). */
    private static final ObjectMapper JSON = strictMapper();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final List<Instrument> INSTRUMENTS = new ArrayList<>(
            new InstrumentCatalog(Optional.empty()).all());

    @FuzzTest(maxDuration = "60s")
    void requestBodies(FuzzedDataProvider data) {
        Class<?> type = data.pickValue(REQUESTS);
        String body = data.consumeRemainingAsString();
        Object request;
        try {
            request = JSON.readValue(body, type);
        } catch (JsonProcessingException refused) {
            return; // 400 problem (malformed JSON, wrong type, unknown field, impossible date)
        }
        if (request != null) {
            VALIDATOR.validate(request); // violations are 400 problems; it must not throw
        }
    }

    @FuzzTest(maxDuration = "60s")
    void questionnaireScoring(FuzzedDataProvider data) {
        Instrument instrument = data.pickValue(INSTRUMENTS);
        int count = data.consumeInt(0, 40);
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(data.consumeBoolean() ? null : data.consumeInt());
        }
        Instrument.Score score;
        try {
            score = instrument.score(answers);
        } catch (Instrument.InvalidAnswers refused) {
            assertNotNull(refused.field(), "a refusal names the answer"); // 422 problem naming the field
            return;
        }
        assertEquals(instrument.items().size(), answers.size(), "only a complete set of answers is scored");
        assertTrue(score.total() >= instrument.minScore() && score.total() <= instrument.maxScore(),
                "the total lies within the instrument's range");
        assertNotNull(score.band(), "every score falls in a severity band");
    }

    @FuzzTest(maxDuration = "60s")
    void headersAndQueryParameters(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();
        expectValueOr4xx(() -> Versions.fromIfMatch(raw));
        expectValueOr4xx(() -> QueryParams.instant(raw, "from"));
        expectValueOr4xx(() -> QueryParams.date(raw, "from"));
        expectValueOr4xx(() -> QueryParams.uuid(raw, "coupleId"));
        expectValueOr4xx(() -> QueryParams.wholeNumber(raw, "size", 20));
        expectValueOr4xx(() -> QueryParams.enumValue(SessionStatus.class, raw, "status"));
        expectValueOr4xx(() -> QueryParams.text(raw, "q", 100));
    }

    private static void expectValueOr4xx(java.util.function.Supplier<?> parse) {
        try {
            parse.get();
        } catch (HttpProblem problem) {
            int status = problem.getStatusCode();
            assertTrue(status >= 400 && status < 500, "a refusal is a 4xx problem, not " + status);
        }
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder().findAndAddModules()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        new StrictJson().customize(mapper);
        return mapper;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName("org.tandem." + name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a request type moved: " + name, e);
        }
    }
}
