package org.tandem.report;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tandem.export.ExportResourceTest;
import org.tandem.measurement.MeasurementResourceTest;
import org.tandem.questionnaire.QuestionnaireResourceTest;

@QuarkusTest
class ReportResourceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    /** The fixture's couple plus trust 6 -> 10 (+4 beats 3.04: IMPROVED) and a CSI-16: three charts. */
    private static ExportResourceTest.Fixture couple() {
        ExportResourceTest.Fixture f = ExportResourceTest.fixture("therapist1");
        as("therapist1").body(MeasurementResourceTest.rating("trust", f.p1(), TODAY, 10, "THERAPIST"))
                .post(MeasurementResourceTest.path(f.coupleId())).then().statusCode(201);
        Map<String, Object> csi = QuestionnaireResourceTest.answers("csi-16", f.p1(), java.util.Collections.nCopies(16,
                3), "SELF_REPORT");
        as("therapist1").body(csi).post(QuestionnaireResourceTest.path(f.coupleId())).then().statusCode(201);
        return f;
    }

    @Test
    void thePdfHasAChartPerMetricAndNoNoteText() throws Exception {
        ExportResourceTest.Fixture f = couple();
        byte[] pdf = as("therapist1").accept("application/pdf").queryParam("format", "pdf")
                .queryParam("from", TODAY.minusDays(30).toString()).get(path(f.coupleId())).then().statusCode(200)
                .header("Content-Type", "application/pdf")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("progress-" + f.code()))
                .extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 1);
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            assertEquals(3, images, "one chart each for trust, PHQ-9 and CSI-16");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Progress report - couple " + f.code()), text);
            assertTrue(text.contains("Patient Health Questionnaire-9"), text);
            assertTrue(text.contains("Attended 0 | missed 0"), text);
            assertFalse(text.contains(ExportResourceTest.SECRET));
            assertFalse(text.contains("Kit "), "partners appear by seat, not by name");
        }
    }

    /**
     * What a colleague reads: the clinic and the couple on every page, page numbers, the confidentiality line and a
     * real summary table (text extraction); the PHQ-9 chart's severity bands and clinical cut-off, as poppler renders
     * the page (pixels of each band's colour and of the cut-off's red).
     */
    @Test
    void thePdfCarriesHeaderFooterTableBandsAndCutOff() throws Exception {
        ExportResourceTest.Fixture f = couple();
        // Twenty three weeks ago, then ten now: a reliable improvement across the cut-off.
        Map<String, Object> earlier = new java.util.HashMap<>(QuestionnaireResourceTest.answers("phq-9", f.p1(),
                List.of(3, 3, 3, 3, 2, 2, 2, 2, 0), "SELF_REPORT"));
        earlier.put("date", TODAY.minusDays(21).toString());
        as("therapist1").body(earlier).post(QuestionnaireResourceTest.path(f.coupleId())).then().statusCode(201);
        String clinic = as("admin1").get("/api/v1/clinic").then().statusCode(200).extract().path("name");
        byte[] pdf = as("therapist1").accept("application/pdf").queryParam("format", "pdf")
                .queryParam("from", TODAY.minusDays(30).toString()).get(path(f.coupleId())).then().statusCode(200)
                .extract().asByteArray();
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pages = doc.getNumberOfPages();
            for (int i = 1; i <= pages; i++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                String text = stripper.getText(doc);
                assertTrue(text.contains(" - progress report, couple " + f.code()), "header on page " + i);
                assertTrue(text.contains("Page " + i + " of " + pages), "page number on page " + i);
                assertTrue(text.contains("Confidential health information"), "footer on page " + i);
                if (clinic.chars().allMatch(ch -> ch < 256)) {
                    assertTrue(text.contains(clinic), "the clinic's name on page " + i);
                }
            }
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Who Measure Source Baseline Latest Change Outcome"), text);
            assertTrue(text.contains("Partner 1 Patient Health Questionnaire-9 - 20.0 10.0 -10.0"), text);
        }

        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("report-pages");
        try {
            expectBandsAndCutOff(pdf, pages, dir);
        } finally {
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path file : files.toList()) {
                    java.nio.file.Files.delete(file);
                }
            }
            java.nio.file.Files.delete(dir);
        }
    }

    private static void expectBandsAndCutOff(byte[] pdf, int pages, java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("report.pdf");
        java.nio.file.Files.write(file, pdf);
        Process render = new ProcessBuilder("pdftoppm", "-r", "72", "-png", file.toString(),
                dir.resolve("page").toString()).redirectErrorStream(true).start();
        assertEquals(0, render.waitFor(), new String(render.getInputStream().readAllBytes()));
        int[] bands = new int[PdfReport.BAND_COLOURS.length];
        int cutoff = 0;
        int rendered = 0;
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path png : files.filter(p -> p.toString().endsWith(".png")).toList()) {
                rendered++;
                java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
                for (int x = 0; x < image.getWidth(); x++) {
                    for (int y = 0; y < image.getHeight(); y++) {
                        java.awt.Color pixel = new java.awt.Color(image.getRGB(x, y));
                        for (int b = 0; b < bands.length; b++) {
                            if (near(pixel, PdfReport.BAND_COLOURS[b])) {
                                bands[b]++;
                            }
                        }
                        if (near(pixel, PdfReport.CUTOFF_COLOUR)) {
                            cutoff++;
                        }
                    }
                }
            }
        }
        assertEquals(pages, rendered, "poppler rendered every page");
        for (int b = 0; b < bands.length; b++) {
            assertTrue(bands[b] > 200, "PHQ-9 severity band " + b + " is drawn: " + bands[b] + " pixels");
        }
        assertTrue(cutoff > 40, "the clinical cut-off is drawn: " + cutoff + " pixels");
    }

    private static boolean near(java.awt.Color a, java.awt.Color b) {
        return Math.abs(a.getRed() - b.getRed()) <= 3 && Math.abs(a.getGreen() - b.getGreen()) <= 3
                && Math.abs(a.getBlue() - b.getBlue()) <= 3;
    }

    @Test
    void theCsvParsesBackWithOneRowPerObservation() throws Exception {
        ExportResourceTest.Fixture f = couple();
        String csv = as("admin1").accept("text/csv").queryParam("format", "csv")
                .queryParam("from", TODAY.minusDays(30).toString()).get(path(f.coupleId())).then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            assertEquals(ReportCsv.COLUMNS, parser.getHeaderNames());
            List<CSVRecord> rows = parser.getRecords();
            List<CSVRecord> trust = rows.stream().filter(r -> r.get("key").equals("trust")).toList();
            assertEquals(List.of("6.0", "10.0"), trust.stream().map(r -> r.get("value")).toList());
            assertEquals("outcome=IMPROVED", trust.get(1).get("detail"));
            assertTrue(rows.stream().anyMatch(r -> r.get("section").equals("questionnaire")
                    && r.get("key").equals("phq-9") && r.get("value").equals("10.0") && r.get("band").equals("moderate")));
            assertTrue(rows.stream().anyMatch(r -> r.get("section").equals("sobriety")
                    && r.get("key").equals("current-streak-days")));
            assertEquals(5, rows.stream().filter(r -> r.get("section").equals("attendance")).count());
        }
        assertFalse(csv.contains(ExportResourceTest.SECRET));
    }

    @Test
    void jsonIsTheProgressSummary() {
        ExportResourceTest.Fixture f = couple();
        as("therapist1").queryParam("from", TODAY.minusDays(30).toString()).get(path(f.coupleId())).then()
                .statusCode(200).body("coupleId", equalTo(f.coupleId()))
                .body("partners[0].ratings[0].key", equalTo("trust"));
        as("admin1").queryParam("recordType", "couple").queryParam("recordId", f.coupleId()).get("/api/v1/audit-events")
                .then().body("items.action", org.hamcrest.Matchers.hasItem("report.export"));
    }

    @Test
    void reportsFollowTheRoleMatrix() {
        String coupleId = org.tandem.testsupport.Api.createCouple("therapist1", unique());
        anonymous().get(path(coupleId)).then().statusCode(401);
        asIntegration().get(path(coupleId)).then().statusCode(403);
        as("therapist2").queryParam("format", "pdf").get(path(coupleId)).then().statusCode(404);
        as("admin9").queryParam("format", "csv").get(path(coupleId)).then().statusCode(404);
        as("therapist1").queryParam("format", "docx").get(path(coupleId)).then().statusCode(400)
                .body("violations[0].field", equalTo("format"));
        as("therapist1").queryParam("format", "pdf").queryParam("from", "2031-02-30").get(path(coupleId)).then()
                .statusCode(400);
        as("admin1").accept("application/pdf").queryParam("format", "pdf").get(path(coupleId)).then().statusCode(200)
                .header("Content-Type", "application/pdf");
    }

    private static String path(String coupleId) {
        return "/api/v1/couples/" + coupleId + "/report";
    }
}
