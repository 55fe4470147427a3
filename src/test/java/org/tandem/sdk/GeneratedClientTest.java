package org.tandem.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tandem.sdk.api.ConsentsApi;
import org.tandem.sdk.api.DiagnosesApi;
import org.tandem.sdk.api.MeasurementsApi;
import org.tandem.sdk.api.TreatmentPlansApi;
import org.tandem.sdk.model.Comparator;
import org.tandem.sdk.model.CoupleConsents;
import org.tandem.sdk.model.DiagnosisRequest;
import org.tandem.sdk.model.DiagnosisResponse;
import org.tandem.sdk.model.DiagnosisStatus;
import org.tandem.sdk.model.Goal;
import org.tandem.sdk.model.Measure;
import org.tandem.sdk.model.Objective;
import org.tandem.sdk.model.PlanRequest;
import org.tandem.sdk.model.PlanResponse;
import org.tandem.sdk.model.Problem;
import org.tandem.sdk.api.SessionsApi;
import org.tandem.sdk.client.ApiClient;
import org.tandem.sdk.client.ApiException;
import org.tandem.sdk.model.CreateSessionRequest;
import org.tandem.sdk.model.MeasurementRequest;
import org.tandem.sdk.model.MeasurementResponse;
import org.tandem.sdk.model.Modality;
import org.tandem.sdk.model.SessionKind;
import org.tandem.sdk.model.SessionResponse;
import org.tandem.sdk.model.SessionStatus;
import org.tandem.sdk.model.Source;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Slots;
import org.tandem.testsupport.Tokens;

/**
 * The Java client generated at build time from docs/openapi.json (openapi-generator, "native" library) drives the
 * running API as the clinic's integration (it schedules a session and posts a measurement) and as a therapist.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URL base;

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void anIntegrationSchedulesASessionAndPostsAMeasurementWithTheGeneratedClient() throws Exception {
        UUID coupleId = UUID.fromString(Api.createCouple("therapist1", Api.unique()));
        UUID therapist = UUID.fromString(Api.therapistId("admin1", "therapist1"));
        LocalDate day = Slots.day();
        ApiClient client = client(Tokens.integration());

        SessionResponse session = new SessionsApi(client).sessionResourceCreate(new CreateSessionRequest()
                .coupleId(coupleId).therapistId(therapist).kind(SessionKind.JOINT).modality(Modality.TELEHEALTH)
                .videoLink("https://video.example.invalid/room").start(day + "T14:00").end(day + "T14:50"),
                "sdk-" + UUID.randomUUID());
        assertEquals(coupleId, session.getCoupleId());
        assertEquals(SessionStatus.SCHEDULED, session.getStatus());
        assertEquals(session.getId(), new SessionsApi(client).sessionResourceGet(session.getId()).getId());

        MeasurementResponse measurement = new MeasurementsApi(client).measurementResourceRecord(coupleId,
                new MeasurementRequest().metric("hope").date(LocalDate.now(ZoneId.of("Europe/Berlin")))
                        .value(new BigDecimal("7")).source(Source.SELF_REPORT), null);
        assertEquals("hope", measurement.getMetric());
        assertEquals(0, new BigDecimal("7").compareTo(measurement.getValue()));

        // Errors arrive as exceptions carrying the status and the problem document.
        ApiException denied = assertThrows(ApiException.class, () -> new MeasurementsApi(client)
                .measurementResourceRecord(coupleId, new MeasurementRequest().metric("hope").date(LocalDate.now())
                        .value(new BigDecimal("7")).source(Source.THERAPIST), null));
        assertEquals(403, denied.getCode());
    }

    /**
     * The clinical record through the generated client: a therapist records a diagnosis and writes a treatment plan;
     * the clinic's integration reads the plan (without its words) and the couple's consents.
     */
    @Test
    void theClinicalRecordThroughTheGeneratedClient() throws Exception {
        io.restassured.response.Response created = Api.createCouple("therapist1", Api.coupleBody(Api.unique()));
        UUID coupleId = UUID.fromString(created.path("id"));
        UUID partnerId = UUID.fromString(created.path("partners[0].id"));
        ApiClient therapist = client(Tokens.of("therapist1"));

        DiagnosisResponse diagnosis = new DiagnosesApi(therapist).diagnosisResourceRecord(coupleId, partnerId,
                new DiagnosisRequest().code("F43.21"), null);
        assertEquals("F43.21", diagnosis.getCode());
        assertEquals(DiagnosisStatus.ACTIVE, diagnosis.getStatus());

        LocalDate review = LocalDate.now(ZoneId.of("Europe/Berlin")).plusMonths(3);
        PlanResponse plan = new TreatmentPlansApi(therapist).treatmentPlanResourceCreate(coupleId, new PlanRequest()
                .reviewOn(review).addProblemsItem(new Problem().text("Broken trust").addGoalsItem(new Goal()
                        .text("Rebuild trust").addObjectivesItem(new Objective().text("PHQ-9 below 10")
                                .measure(new Measure().key("phq-9").partnerId(partnerId).comparator(Comparator.BELOW)
                                        .target(10.0))).interventions(java.util.List.of()))), null);
        assertEquals(1, plan.getLatest().getNumber());

        ApiClient integration = client(Tokens.integration());
        PlanResponse seen = new TreatmentPlansApi(integration).treatmentPlanResourceGet(coupleId);
        assertEquals(plan.getId(), seen.getId());
        assertEquals(null, seen.getLatest().getProblems(), "an integration never reads the plan's words");
        CoupleConsents consents = new ConsentsApi(integration).coupleConsentResourceList(coupleId);
        assertEquals(coupleId, consents.getCoupleId());
        // Diagnoses are the couple's therapists' alone.
        ApiException denied = assertThrows(ApiException.class, () -> new DiagnosesApi(integration)
                .diagnosisResourceList(coupleId, partnerId));
        assertEquals(403, denied.getCode());
    }
}
