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
import org.tandem.sdk.api.MeasurementsApi;
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
 * running API as the clinic's integration: it schedules a session and posts a measurement.
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
}
