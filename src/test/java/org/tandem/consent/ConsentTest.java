package org.tandem.consent;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Bookings;
import org.tandem.testsupport.Partners;

@QuarkusTest
class ConsentTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private static final String TEMPLATES = "/api/v1/consent-templates";

    static Map<String, Object> template(String kind, String title, String text, boolean required) {
        return Map.of("kind", kind, "title", title, "text", text, "requiredBeforeFirstSession", required);
    }

    static Response create(String admin, Map<String, Object> body) {
        return as(admin).body(body).post(TEMPLATES).then().statusCode(201).extract().response();
    }

    static Map<String, Object> signature(Response template, String typedName) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", template.path("current.number"));
        body.put("textSha256", template.path("current.textSha256"));
        body.put("typedName", typedName);
        return body;
    }

    static String sign(RequestSpecification partner, Response template, String typedName) {
        return partner.body(signature(template, typedName)).post("/api/v1/me/consents/" + template.path("id")
                + "/signatures").then().statusCode(201).extract().path("id");
    }

    @Test
    void aPartnerSignsTheExactTextAndGetsAPdfOfIt() throws Exception {
        String text = "We agree to couples therapy with Tandem Clinic.\nNo secrets: what one of us tells the"
                + " therapist alone may be brought into joint sessions. Ünïcödé stays readable: café. Polski:"
                + " zażółć gęślą jaźń. Ελληνικά. Русский. 中文. " + unique();
        Response template = create("admin1", template("SECRETS_POLICY", "No-secrets policy " + unique(), text,
                false));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(sha, template.path("current.textSha256"), "the hash is of the text's UTF-8 bytes");
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String kitId = couple.path("partners[0].id");
        RequestSpecification kit = Partners.as("therapist1", coupleId, kitId);

        Partners.as("therapist1", coupleId, kitId).get("/api/v1/me/consents").then().statusCode(200)
                .body("find { it.templateId == '" + template.path("id") + "' }.current.text", equalTo(text))
                .body("find { it.templateId == '" + template.path("id") + "' }.signed", equalTo(false));
        // A text other than the current one is not signed.
        Map<String, Object> stale = signature(template, "Kit Example");
        stale.put("textSha256", "0".repeat(64));
        kit.body(stale).post("/api/v1/me/consents/" + template.path("id") + "/signatures").then().statusCode(409)
                .body("type", equalTo("/problems/consent-text-changed"));
        String id = sign(Partners.as("therapist1", coupleId, kitId), template, "Kit Example");
        Partners.as("therapist1", coupleId, kitId).body(signature(template, "Kit Example"))
                .post("/api/v1/me/consents/" + template.path("id") + "/signatures").then().statusCode(409)
                .body("type", equalTo("/problems/consent-signed"));

        // The therapist sees who signed and when; the clinic's integration that it was signed.
        as("therapist1").get("/api/v1/couples/" + coupleId + "/consents").then().statusCode(200)
                .body("signatures.find { it.id == '" + id + "' }.typedName", equalTo("Kit Example"))
                .body("signatures.find { it.id == '" + id + "' }.status", equalTo("SIGNED"))
                .body("signatures.find { it.id == '" + id + "' }.current", equalTo(true))
                .body("signatures.find { it.id == '" + id + "' }.signedFrom", not(nullValue()));
        asIntegration().get("/api/v1/couples/" + coupleId + "/consents").then().statusCode(200)
                .body("signatures.find { it.id == '" + id + "' }.status", equalTo("SIGNED"))
                .body("signatures.find { it.id == '" + id + "' }.typedName", nullValue())
                .body("signatures.find { it.id == '" + id + "' }.signedFrom", nullValue());

        String pdf = text(Partners.as("therapist1", coupleId, kitId).accept("application/pdf")
                .get("/api/v1/me/consent-signatures/" + id + "/pdf").then().statusCode(200)
                .header("Content-Type", "application/pdf").extract().asByteArray());
        assertTrue(pdf.contains("No secrets: what one of us tells"), pdf);
        assertTrue(pdf.contains("café"), "Latin-1 prints: " + pdf);
        // And every European script, as the clinic wrote it; what the embedded face lacks prints as '?'.
        assertTrue(pdf.contains("zażółć gęślą jaźń. Ελληνικά. Русский. ??."), "other scripts print: " + pdf);
        assertTrue(pdf.contains("Kit Example") && pdf.contains(sha) && pdf.contains("Page 1 of 1")
                && pdf.contains("Confidential"), pdf);
        String staffPdf = text(as("admin1").accept("application/pdf").get("/api/v1/couples/" + coupleId
                + "/consents/" + id + "/pdf").then().statusCode(200).extract().asByteArray());
        assertTrue(staffPdf.contains(sha), staffPdf);

        // A new text: the signature stays, of an earlier version, and the partner is asked again.
        String etag = as("admin1").get(TEMPLATES + "/" + template.path("id")).then().extract().header("ETag");
        as("admin1").header("If-Match", etag).body(Map.of("title", template.path("title"), "text", text + " v2",
                "requiredBeforeFirstSession", false)).put(TEMPLATES + "/" + template.path("id")).then()
                .statusCode(200).body("current.number", equalTo(2)).body("versions", hasSize(2));
        Partners.as("therapist1", coupleId, kitId).get("/api/v1/me/consents").then().statusCode(200)
                .body("find { it.templateId == '" + template.path("id") + "' }.signed", equalTo(false))
                .body("find { it.templateId == '" + template.path("id") + "' }.mySignatures[0].current",
                        equalTo(false));

        Partners.as("therapist1", coupleId, kitId).post("/api/v1/me/consent-signatures/" + id + "/revoke").then()
                .statusCode(200).body("status", equalTo("REVOKED"));
        Partners.as("therapist1", coupleId, kitId).post("/api/v1/me/consent-signatures/" + id + "/revoke").then()
                .statusCode(409).body("type", equalTo("/problems/consent-revoked"));
        retire("admin1", template.path("id"));
    }

    @Test
    void aReleaseOfInformationNamesWhoWhatAndUntilWhen() {
        Response roi = create("admin1", template("RELEASE_OF_INFORMATION", "Release " + unique(),
                "I allow the clinic to share information with the party named below.", false));
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String leeId = couple.path("partners[1].id");
        String url = "/api/v1/me/consents/" + roi.path("id") + "/signatures";
        Partners.as("therapist1", coupleId, leeId).body(signature(roi, "Lee Example")).post(url).then()
                .statusCode(400).body("violations[0].field", equalTo("releaseTo"));
        Map<String, Object> tooLong = signature(roi, "Lee Example");
        tooLong.put("releaseTo", Map.of("party", "Dr. Individual Therapist", "scope", "Attendance and progress",
                "expiresOn", TODAY.plusYears(3).toString()));
        Partners.as("therapist1", coupleId, leeId).body(tooLong).post(url).then().statusCode(400)
                .body("violations[0].field", equalTo("releaseTo.expiresOn"));
        Map<String, Object> body = signature(roi, "Lee Example");
        body.put("releaseTo", Map.of("party", "Dr. Individual Therapist", "scope", "Attendance and progress",
                "expiresOn", TODAY.plusMonths(6).toString()));
        String id = Partners.as("therapist1", coupleId, leeId).body(body).post(url).then().statusCode(201)
                .body("releaseTo.party", equalTo("Dr. Individual Therapist"))
                .body("expiresOn", equalTo(TODAY.plusMonths(6).toString())).extract().path("id");
        as("therapist1").get("/api/v1/couples/" + coupleId + "/consents").then().statusCode(200)
                .body("signatures.find { it.id == '" + id + "' }.releaseTo.scope", equalTo("Attendance and progress"));
        asIntegration().get("/api/v1/couples/" + coupleId + "/consents").then().statusCode(200)
                .body("signatures.find { it.id == '" + id + "' }.releaseTo", nullValue());
        // The other partner sees neither this signature nor its party.
        Partners.as("therapist1", coupleId, couple.path("partners[0].id")).get("/api/v1/me/consents").then()
                .statusCode(200).body(not(containsString("Dr. Individual")));
        // A form other than a release takes no party.
        Response consent = create("admin1", template("TELEHEALTH", "Telehealth " + unique(), "Video sessions.",
                false));
        Map<String, Object> extra = signature(consent, "Lee Example");
        extra.put("releaseTo", body.get("releaseTo"));
        Partners.as("therapist1", coupleId, leeId).body(extra).post("/api/v1/me/consents/" + consent.path("id")
                + "/signatures").then().statusCode(400).body("violations[0].field", equalTo("releaseTo"));
        retire("admin1", roi.path("id"));
        retire("admin1", consent.path("id"));
    }

    /** In the other clinic, so no other test meets the requirement; retired again at the end. */
    @Test
    void aRequiredConsentComesBeforeTheFirstSessionIsCompletedOrNoted() {
        Response required = create("admin9", template("INFORMED_CONSENT", "Informed consent " + unique(),
                "We consent to couples therapy.", true));
        try {
            Response couple = Api.createCouple("therapist9", Api.coupleBody(unique()));
            String coupleId = couple.path("id");
            String kit = couple.path("partners[0].id");
            String lee = couple.path("partners[1].id");
            LocalDate day = LocalDate.of(2022, 1, 3).plusDays(ThreadLocalRandom.current().nextInt(300));
            Response session = Bookings.book("therapist9", Bookings.session(coupleId, day + "T06:00",
                    day + "T06:50"));
            String sessionId = session.path("id");

            as("therapist9").header("If-Match", session.header("ETag")).post("/api/v1/sessions/" + sessionId
                    + "/complete").then().statusCode(409).body("type", equalTo("/problems/consents-missing"))
                    .body("missing", hasSize(2)).body("missing.partnerId", hasItem(kit))
                    .body("missing.partnerId", hasItem(lee))
                    .body("missing[0].templateId", equalTo(required.path("id")));
            as("therapist9").body(Map.of("template", "SOAP", "psychotherapy", false, "content", Map.of("sections",
                    Map.of("subjective", "s", "objective", "o", "assessment", "a", "plan", "p"))))
                    .post("/api/v1/sessions/" + sessionId + "/note").then().statusCode(409)
                    .body("type", equalTo("/problems/consents-missing"));
            as("admin9").get("/api/v1/couples/" + coupleId + "/consents").then().statusCode(200)
                    .body("missingBeforeFirstSession", hasSize(2));

            sign(Partners.as("therapist9", coupleId, kit), required, "Kit");
            as("therapist9").header("If-Match", session.header("ETag")).post("/api/v1/sessions/" + sessionId
                    + "/complete").then().statusCode(409).body("missing", hasSize(1))
                    .body("missing[0].partnerId", equalTo(lee));
            sign(Partners.as("therapist9", coupleId, lee), required, "Lee");
            as("therapist9").get("/api/v1/couples/" + coupleId + "/consents").then().statusCode(200)
                    .body("missingBeforeFirstSession", hasSize(0));
            as("therapist9").header("If-Match", session.header("ETag")).post("/api/v1/sessions/" + sessionId
                    + "/complete").then().statusCode(200).body("status", equalTo("COMPLETED"));
        } finally {
            retire("admin9", required.path("id"));
        }
    }

    @Test
    void badTemplatesAreFieldErrorsAndChangeNothing() {
        as("admin1").body(Map.of("kind", "NOT_A_KIND", "title", "x", "text", "y")).post(TEMPLATES).then()
                .statusCode(400);
        as("admin1").body(Map.of("kind", "OTHER", "title", " ", "text", "y")).post(TEMPLATES).then()
                .statusCode(400).body("violations[0].field", equalTo("title"));
        as("admin1").body(Map.of("kind", "OTHER", "title", "x", "text", "y".repeat(50_001))).post(TEMPLATES).then()
                .statusCode(400).body("violations[0].field", equalTo("text"));
        Response t = create("admin1", template("OTHER", "Other " + unique(), "Text", false));
        as("admin1").body(Map.of("title", "x", "text", "y", "requiredBeforeFirstSession", false))
                .put(TEMPLATES + "/" + t.path("id")).then().statusCode(428);
        as("admin1").header("If-Match", "\"99\"").body(Map.of("title", "x", "text", "y",
                "requiredBeforeFirstSession", false)).put(TEMPLATES + "/" + t.path("id")).then().statusCode(412);
        as("admin1").get(TEMPLATES + "/" + t.path("id")).then().body("current.number", equalTo(1))
                .body("title", equalTo(t.path("title")));
        as("admin1").queryParam("all", "maybe").get(TEMPLATES).then().statusCode(400);
        String retired = retire("admin1", t.path("id"));
        as("admin1").header("If-Match", retired).post(TEMPLATES + "/" + t.path("id") + "/retire").then()
                .statusCode(409);
        as("admin1").get(TEMPLATES).then().body("id", not(hasItem(t.path("id").toString())));
        as("admin1").queryParam("all", true).get(TEMPLATES).then().body("id", hasItem(t.path("id").toString()));
    }

    @Test
    void consentsFollowTheRoleMatrix() {
        Response template = create("admin1", template("TELEHEALTH", "Telehealth " + unique(), "Video.", false));
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String kitId = couple.path("partners[0].id");
        String id = sign(Partners.as("therapist1", coupleId, kitId), template, "Kit");
        Response other = Api.createCouple("therapist1", Api.coupleBody(unique()));
        RequestSpecification otherPartner = Partners.as("therapist1", other.path("id"), other.path("partners[0].id"));

        anonymous().get(TEMPLATES).then().statusCode(401);
        anonymous().get("/api/v1/couples/" + coupleId + "/consents").then().statusCode(401);
        anonymous().get("/api/v1/me/consents").then().statusCode(401);
        as("therapist1").body(template("OTHER", "x", "y", false)).post(TEMPLATES).then().statusCode(403);
        asIntegration().get(TEMPLATES).then().statusCode(403);
        Api.asReadOnlyIntegration().get("/api/v1/couples/" + coupleId + "/consents").then().statusCode(403)
                .body("type", equalTo("/problems/insufficient-scope"));
        as("therapist1").get("/api/v1/me/consents").then().statusCode(403);
        Partners.as("therapist1", coupleId, kitId).get(TEMPLATES).then().statusCode(403);

        as("therapist2").get("/api/v1/couples/" + coupleId + "/consents").then().statusCode(404);
        as("admin9").get("/api/v1/couples/" + coupleId + "/consents").then().statusCode(404);
        as("admin9").get(TEMPLATES + "/" + template.path("id")).then().statusCode(404);
        as("therapist1").accept("*/*").get("/api/v1/couples/" + other.path("id") + "/consents/" + id + "/pdf").then()
                .statusCode(404);
        otherPartner.post("/api/v1/me/consent-signatures/" + id + "/revoke").then().statusCode(404);
        Partners.as("therapist1", other.path("id"), other.path("partners[0].id")).accept("*/*")
                .get("/api/v1/me/consent-signatures/" + id + "/pdf").then().statusCode(404);
        // The other partner of the same couple: not theirs either.
        Partners.as("therapist1", coupleId, couple.path("partners[1].id"))
                .post("/api/v1/me/consent-signatures/" + id + "/revoke").then().statusCode(404);
        Response theirs = Api.createCouple("therapist9", Api.coupleBody(unique()));
        Partners.as("therapist9", theirs.path("id"), theirs.path("partners[0].id")).body(signature(template, "X"))
                .post("/api/v1/me/consents/" + template.path("id") + "/signatures").then().statusCode(404);
        retire("admin1", template.path("id"));
    }

    private static String retire(String admin, String id) {
        String etag = as(admin).get(TEMPLATES + "/" + id).then().statusCode(200).extract().header("ETag");
        return as(admin).header("If-Match", etag).post(TEMPLATES + "/" + id + "/retire").then().statusCode(200)
                .extract().header("ETag");
    }

    private static String text(byte[] pdf) throws java.io.IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
