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
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import java.awt.BasicStroke;
import org.tandem.progress.ProgressApi.Kind;
import org.tandem.questionnaire.Instrument;
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
 * A couple's progress report as PDF (Apache PDFBox), for a clinician to hand to a colleague: the clinic's name and
 * the couple on every page, a summary table of every trend, one chart per metric or instrument with a line per
 * partner (JFreeChart, rendered server-side; an instrument's severity bands behind the lines, its clinical cut-off as
 * a dashed line, a reliable change marked at its latest point), the treatment plan's objectives against their
 * targets, then adherence, attendance and sobriety; page numbers and a confidentiality line at the foot of every
 * page. Partners appear by seat, not by name; no note text is read.
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

    /** Severity bands, mildest first: light enough to read the lines over them. */
    static final Color[] BAND_COLOURS = {new Color(0xE3, 0xF2, 0xE1), new Color(0xF4, 0xF1, 0xD0),
        new Color(0xF9, 0xE3, 0xC8), new Color(0xF6, 0xD0, 0xC8), new Color(0xEE, 0xBC, 0xBC)};
    static final Color CUTOFF_COLOUR = new Color(0xC0, 0x1C, 0x1C);
    private static final float[] TABLE_COLUMNS = {62, 150, 68, 52, 52, 46, 65};

    private final PDDocument doc = new PDDocument();
    private final PdfFonts fonts = PdfFonts.of(doc);
    private final String header;
    private final Map<String, Instrument> instruments;
    private PDPageContentStream page;
    private float y;

    private PdfReport(String header, Map<String, Instrument> instruments) {
        this.header = header;
        this.instruments = instruments;
    }

    /**
     * @param instruments the instruments by key, for their bands and cut-offs
     */
    static byte[] render(ProgressResponse p, String coupleCode, String clinic, ZoneId zone,
            Map<String, Instrument> instruments) {
        PdfReport report = new PdfReport(clinic + " - progress report, couple " + coupleCode, instruments);
        try (PDDocument doc = report.doc) {
            report.write(p, coupleCode, zone);
            report.page.close();
            report.headersAndFooters();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(ProgressResponse p, String code, ZoneId zone) throws IOException {
        newPage();
        text(fonts.bold(), 16, "Progress report - couple " + code);
        text(fonts.regular(), 10, "Period " + p.from() + " to " + p.to() + ", generated "
                + DateTimeFormatter.ISO_LOCAL_DATE.format(p.generatedAt().atZone(zone)) + ". Reliable change:"
                + " Jacobson-Truax RCI at 95%.");
        y -= LINE / 2;

        Map<String, List<Series>> charts = new LinkedHashMap<>();
        heading("Summary");
        List<String[]> rows = new ArrayList<>();
        for (PartnerProgress partner : p.partners()) {
            String who = "Partner " + partner.seat();
            for (Trend t : concat(partner.ratings(), partner.questionnaires())) {
                rows.add(summary(who, t));
                charts.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(new Series(label(who, t), t));
            }
        }
        for (Trend t : p.couple()) {
            rows.add(summary("Couple", t));
            charts.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(new Series(label("Couple", t), t));
        }
        if (charts.isEmpty()) {
            text(fonts.regular(), 10, "No ratings or questionnaires in this period.");
        } else {
            y -= 4; // the heading's descenders clear the table
            table(new String[] {"Who", "Measure", "Source", "Baseline", "Latest", "Change", "Outcome"}, rows);
        }

        for (Map.Entry<String, List<Series>> chart : charts.entrySet()) {
            chart(chart.getKey(), chart.getValue());
        }

        heading("Treatment plan objectives");
        if (p.objectives().isEmpty()) {
            text(fonts.regular(), 10, "No measured objectives in the treatment plan.");
        }
        for (ObjectiveProgress o : p.objectives()) {
            String who = o.partnerId() == null ? "couple" : "partner " + p.partners().stream()
                    .filter(x -> x.partnerId().equals(o.partnerId())).map(x -> String.valueOf(x.seat())).findFirst()
                    .orElse("?");
            text(fonts.regular(), 9, o.path() + (o.text() == null ? "" : " " + shorten(o.text(), 50)) + " | " + o.key()
                    + ", " + who + " | target " + o.comparator().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + " " + o.target() + (o.targetDate() == null ? "" : " by " + o.targetDate())
                    + " | " + (o.latest() == null ? "no value in the period" : "latest " + o.latest() + " on "
                    + o.latestOn() + " | " + (o.met() ? "met" : "not met")));
        }

        heading("Exercise adherence (done of due)");
        if (p.adherence().isEmpty()) {
            text(fonts.regular(), 10, "No assignments in this period.");
        }
        for (AssignmentAdherence a : p.adherence()) {
            for (PartnerAdherence pa : a.partners()) {
                text(fonts.regular(), 10, shorten(a.exercise(), 60) + " | partner " + seat(p, pa) + " | " + pa.done() + " of "
                        + pa.due() + (pa.rate() == null ? "" : " (" + Math.round(pa.rate() * 100) + "%)"));
            }
        }
        heading("Attendance");
        var att = p.attendance();
        text(fonts.regular(), 10, "Attended " + att.attended() + " | missed " + att.missed() + " | cancelled "
                + att.cancelled() + " (late " + att.cancelledLate() + ") | still scheduled " + att.scheduled());
        for (PartnerProgress partner : p.partners()) {
            if (partner.sobriety() != null && partner.sobriety().currentStreakDays() != null) {
                heading("Sobriety, partner " + partner.seat());
                text(fonts.regular(), 10, "Current streak " + partner.sobriety().currentStreakDays() + " days since "
                        + partner.sobriety().currentStreakStart() + " | longest " + partner.sobriety()
                                .longestStreakDays() + " days | resets in period " + partner.sobriety().resetsInPeriod());
            }
        }
        heading("Boundary reviews due and safety flags");
        text(fonts.regular(), 10, p.boundaryReviewsDue().size() + " boundary review(s) due, " + p.boundaryReviewsDue()
                .stream().filter(b -> b.overdue()).count() + " overdue; " + p.safetyFlags().stream()
                        .filter(f -> f.open()).count() + " open safety flag(s).");
    }

    private record Series(String label, Trend trend) {
    }

    private static String[] summary(String who, Trend t) {
        return new String[] {who, t.name(), t.source() == null ? "-" : t.source().name().toLowerCase(
                java.util.Locale.ROOT).replace('_', '-'), num(t.baseline()), num(t.latest()),
            t.change() == null ? "-" : String.valueOf(t.change()),
            t.outcome() == null ? "one value" : t.outcome().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ')};
    }

    /** A table with a shaded header row and ruled cells; a cell too long for its column is shortened. */
    private void table(String[] head, List<String[]> rows) throws IOException {
        float rowHeight = 14;
        List<String[]> all = new ArrayList<>();
        all.add(head);
        all.addAll(rows);
        for (int r = 0; r < all.size(); r++) {
            if (y - rowHeight < MARGIN + 20) {
                newPage();
                if (r > 0) {
                    row(head, true, rowHeight);
                }
            }
            row(all.get(r), r == 0, rowHeight);
        }
        y -= LINE / 2;
    }

    private void row(String[] cells, boolean head, float height) throws IOException {
        float x = MARGIN;
        y -= height;
        if (head) {
            page.setNonStrokingColor(new Color(0xE8, 0xE8, 0xE8));
            page.addRect(MARGIN, y, width(), height);
            page.fill();
            page.setNonStrokingColor(Color.BLACK);
        }
        page.setStrokingColor(Color.GRAY);
        page.setLineWidth(0.5f);
        for (int c = 0; c < cells.length; c++) {
            page.addRect(x, y, TABLE_COLUMNS[c], height);
            page.stroke();
            PdfFonts.Face face = head ? fonts.bold() : fonts.regular();
            String text = face.printable(cells[c]);
            while (text.length() > 1 && face.width(text, 8) > TABLE_COLUMNS[c] - 6) {
                text = text.substring(0, text.length() - 2) + "~";
            }
            page.beginText();
            face.use(page, 8);
            page.newLineAtOffset(x + 3, y + 4);
            page.showText(text);
            page.endText();
            x += TABLE_COLUMNS[c];
        }
    }

    private static float width() {
        float sum = 0;
        for (float w : TABLE_COLUMNS) {
            sum += w;
        }
        return sum;
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
        Trend first = series.get(0).trend();
        Instrument instrument = first.kind() == Kind.QUESTIONNAIRE ? instruments.get(first.key()) : null;
        if (instrument != null) {
            decorate(plot, instrument);
        }
        // Points as well as lines: a measure taken once still shows.
        if (plot.getRenderer() instanceof org.jfree.chart.renderer.xy.XYLineAndShapeRenderer lines) {
            lines.setDefaultShapesVisible(true);
        }
        for (Series s : series) {
            Trend t = s.trend();
            if (Boolean.TRUE.equals(t.reliable()) && t.latest() != null) {
                XYPointerAnnotation mark = new XYPointerAnnotation("reliable change" + (t.outcome() == null ? ""
                        : ": " + t.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')),
                        new Day(t.latest().date().getDayOfMonth(), t.latest().date().getMonthValue(),
                                t.latest().date().getYear()).getMiddleMillisecond(), t.latest().value(),
                        -3 * Math.PI / 4); // up and to the left: the latest point is at the right edge
                mark.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
                mark.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 11));
                plot.addAnnotation(mark);
            }
        }
        BufferedImage image = chart.createBufferedImage(CHART_W * 2, CHART_H * 2);
        if (y - CHART_H < MARGIN) {
            newPage();
        }
        y -= CHART_H;
        page.drawImage(LosslessFactory.createFromImage(doc, image), MARGIN, y, CHART_W, CHART_H);
        y -= LINE / 2;
    }

    /**
     * The instrument's severity bands as shaded intervals behind the lines, labelled, and its clinical cut-off as a
     * dashed line; the range covers every band's start, so a mild score still shows where severe begins.
     */
    private static void decorate(XYPlot plot, Instrument instrument) {
        List<Instrument.Band> bands = instrument.bands();
        double top = instrument.scoring() == Instrument.Rule.SUM
                ? instrument.items().stream().mapToInt(Instrument.Item::max).sum()
                : instrument.items().stream().mapToInt(Instrument.Item::max).max().orElse(1);
        for (int i = 0; i < bands.size(); i++) {
            double end = i + 1 < bands.size() ? bands.get(i + 1).min() : top;
            // Mildest to most severe, spread over the palette whatever the number of bands.
            int severity = instrument.direction() == org.tandem.measurement.Direction.LOWER_IS_BETTER ? i
                    : bands.size() - 1 - i;
            int shade = bands.size() == 1 ? 0
                    : Math.round((float) severity * (BAND_COLOURS.length - 1) / (bands.size() - 1));
            IntervalMarker band = new IntervalMarker(bands.get(i).min(), end, BAND_COLOURS[shade]);
            band.setAlpha(1f); // the colours are light already; a marker's default alpha would wash them out
            band.setLabel(bands.get(i).label());
            band.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
            band.setLabelAnchor(RectangleAnchor.LEFT);
            band.setLabelTextAnchor(TextAnchor.CENTER_LEFT);
            plot.addRangeMarker(band, Layer.BACKGROUND);
        }
        if (instrument.cutoff() != null) {
            ValueMarker cutoff = new ValueMarker(instrument.cutoff(), CUTOFF_COLOUR, new BasicStroke(2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            cutoff.setLabel("clinical cut-off " + instrument.cutoff());
            cutoff.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 10));
            cutoff.setLabelPaint(CUTOFF_COLOUR);
            cutoff.setAlpha(1f);
            cutoff.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            cutoff.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(cutoff, Layer.FOREGROUND);
        }
        plot.getRangeAxis().setRange(Math.min(0, bands.isEmpty() ? 0 : bands.get(0).min()), top);
    }

    /** The clinic and the couple at the top of every page; page numbers and confidentiality at the foot. */
    private void headersAndFooters() throws IOException {
        int pages = doc.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream out = new PDPageContentStream(doc, doc.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                out.beginText();
                fonts.regular().use(out, 8);
                out.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN / 2);
                out.showText(fonts.regular().printable(header));
                out.endText();
                out.beginText();
                fonts.regular().use(out, 8);
                out.newLineAtOffset(MARGIN, MARGIN / 2);
                out.showText(PdfText.CONFIDENTIAL + "   Page " + (i + 1) + " of " + pages);
                out.endText();
            }
        }
    }

    private void heading(String title) throws IOException {
        y -= LINE / 2;
        text(fonts.bold(), 12, title);
    }

    private void text(PdfFonts.Face face, float size, String text) throws IOException {
        if (y - LINE < MARGIN) {
            newPage();
        }
        y -= LINE;
        page.beginText();
        face.use(page, size);
        page.newLineAtOffset(MARGIN, y);
        page.showText(face.printable(text));
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
