package org.tandem.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.tandem.exercise.AssignmentApi.AssignmentAdherence;
import org.tandem.exercise.AssignmentApi.PartnerAdherence;
import org.tandem.progress.ProgressApi.PartnerProgress;
import org.tandem.progress.ProgressApi.Point;
import org.tandem.progress.ProgressApi.ProgressResponse;
import org.tandem.progress.ProgressApi.Trend;
import org.tandem.treatmentplan.TreatmentPlanApi.ObjectiveProgress;

/**
 * A couple's progress report as PDF (Apache PDFBox): a summary of every trend, one chart per metric or instrument
 * with a line per partner (JFreeChart, rendered server-side), then adherence, attendance and sobriety tables.
 * Partners appear by seat, not by name; no note text is read.
 */
final class PdfReport {

    static {
        // Charts are drawn in memory; a server has no display.
        System.setProperty("java.awt.headless", "true");
    }

    private static final float MARGIN = 50;
    private static final float LINE = 14;
    private static final int CHART_W = 495;
    private static final int CHART_H = 220;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument doc = new PDDocument();
    private PDPageContentStream page;
    private float y;

    private PdfReport() {
    }

    static byte[] render(ProgressResponse p, String coupleCode, ZoneId zone) {
        PdfReport report = new PdfReport();
        try (PDDocument doc = report.doc) {
            report.write(p, coupleCode, zone);
            report.page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(ProgressResponse p, String code, ZoneId zone) throws IOException {
        newPage();
        text(BOLD, 16, "Progress report - couple " + code);
        text(REGULAR, 10, "Period " + p.from() + " to " + p.to() + ", generated "
                + DateTimeFormatter.ISO_LOCAL_DATE.format(p.generatedAt().atZone(zone)) + ". Reliable change:"
                + " Jacobson-Truax RCI at 95%.");
        y -= LINE / 2;

        Map<String, List<Series>> charts = new LinkedHashMap<>();
        heading("Summary");
        text(BOLD, 9, "who | metric | source | baseline | latest | change | outcome");
        for (PartnerProgress partner : p.partners()) {
            String who = "Partner " + partner.seat();
            for (Trend t : concat(partner.ratings(), partner.questionnaires())) {
                summary(who, t);
                charts.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(new Series(label(who, t), t));
            }
        }
        for (Trend t : p.couple()) {
            summary("Couple", t);
            charts.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(new Series(label("Couple", t), t));
        }
        if (charts.isEmpty()) {
            text(REGULAR, 10, "No ratings or questionnaires in this period.");
        }

        for (Map.Entry<String, List<Series>> chart : charts.entrySet()) {
            chart(chart.getKey(), chart.getValue());
        }

        heading("Treatment plan objectives");
        if (p.objectives().isEmpty()) {
            text(REGULAR, 10, "No measured objectives in the treatment plan.");
        }
        for (ObjectiveProgress o : p.objectives()) {
            String who = o.partnerId() == null ? "couple" : "partner " + p.partners().stream()
                    .filter(x -> x.partnerId().equals(o.partnerId())).map(x -> String.valueOf(x.seat())).findFirst()
                    .orElse("?");
            text(REGULAR, 9, o.path() + (o.text() == null ? "" : " " + shorten(o.text(), 50)) + " | " + o.key()
                    + ", " + who + " | target " + o.comparator().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + " " + o.target() + (o.targetDate() == null ? "" : " by " + o.targetDate())
                    + " | " + (o.latest() == null ? "no value in the period" : "latest " + o.latest() + " on "
                    + o.latestOn() + " | " + (o.met() ? "met" : "not met")));
        }

        heading("Exercise adherence (done of due)");
        if (p.adherence().isEmpty()) {
            text(REGULAR, 10, "No assignments in this period.");
        }
        for (AssignmentAdherence a : p.adherence()) {
            for (PartnerAdherence pa : a.partners()) {
                text(REGULAR, 10, shorten(a.exercise(), 60) + " | partner " + seat(p, pa) + " | " + pa.done() + " of "
                        + pa.due() + (pa.rate() == null ? "" : " (" + Math.round(pa.rate() * 100) + "%)"));
            }
        }
        heading("Attendance");
        var att = p.attendance();
        text(REGULAR, 10, "Attended " + att.attended() + " | missed " + att.missed() + " | cancelled "
                + att.cancelled() + " (late " + att.cancelledLate() + ") | still scheduled " + att.scheduled());
        for (PartnerProgress partner : p.partners()) {
            if (partner.sobriety() != null && partner.sobriety().currentStreakDays() != null) {
                heading("Sobriety, partner " + partner.seat());
                text(REGULAR, 10, "Current streak " + partner.sobriety().currentStreakDays() + " days since "
                        + partner.sobriety().currentStreakStart() + " | longest " + partner.sobriety()
                                .longestStreakDays() + " days | resets in period " + partner.sobriety().resetsInPeriod());
            }
        }
        heading("Boundary reviews due and safety flags");
        text(REGULAR, 10, p.boundaryReviewsDue().size() + " boundary review(s) due, " + p.boundaryReviewsDue()
                .stream().filter(b -> b.overdue()).count() + " overdue; " + p.safetyFlags().stream()
                        .filter(f -> f.open()).count() + " open safety flag(s).");
    }

    private record Series(String label, Trend trend) {
    }

    private void summary(String who, Trend t) throws IOException {
        text(REGULAR, 9, who + " | " + shorten(t.name(), 40) + " | " + (t.source() == null ? "-" : t.source())
                + " | " + num(t.baseline()) + " | " + num(t.latest()) + " | "
                + (t.change() == null ? "-" : String.valueOf(t.change())) + " | "
                + (t.outcome() == null ? "one observation" : t.outcome()));
    }

    private void chart(String title, List<Series> series) throws IOException {
        TimeSeriesCollection data = new TimeSeriesCollection();
        for (Series s : series) {
            TimeSeries line = new TimeSeries(s.label());
            for (Point point : s.trend().series()) {
                line.addOrUpdate(new Day(point.date().getDayOfMonth(), point.date().getMonthValue(),
                        point.date().getYear()), point.value());
            }
            data.addSeries(line);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(shorten(title, 60), null, null, data, true, false,
                false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BufferedImage image = chart.createBufferedImage(CHART_W * 2, CHART_H * 2);
        if (y - CHART_H < MARGIN) {
            newPage();
        }
        y -= CHART_H;
        page.drawImage(LosslessFactory.createFromImage(doc, image), MARGIN, y, CHART_W, CHART_H);
        y -= LINE / 2;
    }

    private void heading(String title) throws IOException {
        y -= LINE / 2;
        text(BOLD, 12, title);
    }

    private void text(PDType1Font font, float size, String text) throws IOException {
        if (y - LINE < MARGIN) {
            newPage();
        }
        y -= LINE;
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(MARGIN, y);
        page.showText(PdfText.printable(font, text));
        page.endText();
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(PDRectangle.A4);
        doc.addPage(next);
        page = new PDPageContentStream(doc, next);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private static String label(String who, Trend t) {
        return t.source() == null ? who : who + " (" + t.source().name().toLowerCase().replace('_', '-') + ")";
    }

    private static String num(Point p) {
        return p == null ? "-" : String.valueOf(p.value());
    }

    private static String seat(ProgressResponse p, PartnerAdherence pa) {
        return p.partners().stream().filter(x -> x.partnerId().equals(pa.partnerId())).findFirst()
                .map(x -> String.valueOf(x.seat())).orElse("?");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static List<Trend> concat(List<Trend> a, List<Trend> b) {
        List<Trend> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
