package org.tandem.timeline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.tandem.report.PdfFonts;
import org.tandem.report.PdfText;
import org.tandem.timeline.TimelineApi.TimelineEventType;
import org.tandem.timeline.TimelineApi.TimelinePartner;
import org.tandem.timeline.TimelineApi.TimelineEvent;
import org.tandem.timeline.TimelineApi.TrustTimeline;

/**
 * The trust timeline on one A4 page (Apache PDFBox, JFreeChart): each partner's stage and streak, one chart of the
 * trust ratings (left axis) and CSI-16 scores (right axis) with the milestones as vertical lines, and the milestones
 * listed, the latest that fit. Partners by seat and role, never by name; no free text exists to print.
 */
final class TimelinePdf {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final float MARGIN = 50;
    private static final float LINE = 13;
    private static final int CHART_W = 495;
    private static final int CHART_H = 250;
    /** The events a reader looks for on the chart and in the list; ratings and scores are the lines. */
    static final Set<TimelineEventType> MILESTONES = EnumSet.complementOf(EnumSet.of(TimelineEventType.TRUST_RATING,
            TimelineEventType.CSI_16));

    private TimelinePdf() {
    }

    static byte[] render(TrustTimeline t, String coupleCode, String clinic) {
        try (PDDocument doc = new PDDocument()) {
            PdfFonts fonts = PdfFonts.of(doc);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            Map<UUID, String> who = new LinkedHashMap<>();
            for (TimelinePartner p : t.partners()) {
                who.put(p.partnerId(), "Partner " + p.seat() + (p.recoveryRole() == null ? ""
                        : " (" + words(p.recoveryRole().name()) + ")"));
            }
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                float y = PDRectangle.A4.getHeight() - MARGIN;
                y = text(out, fonts.bold(), 16, y, "Trust timeline - couple " + coupleCode);
                y = text(out, fonts.regular(), 9, y, clinic + ". Period " + t.from() + " to " + t.to() + ".");
                y -= LINE / 2;
                for (TimelinePartner p : t.partners()) {
                    StringBuilder line = new StringBuilder(who.get(p.partnerId()));
                    if (p.recoveryStage() != null) {
                        line.append(": stage ").append(words(p.recoveryStage().stage().name())).append(" since ")
                                .append(p.recoveryStage().since());
                    }
                    if (p.currentStreakDays() != null) {
                        line.append("; sober ").append(p.currentStreakDays()).append(" days (since ")
                                .append(p.currentStreakStart()).append(", longest ").append(p.longestStreakDays())
                                .append(")");
                    }
                    y = text(out, fonts.regular(), 10, y, line.toString());
                }
                y -= CHART_H + LINE / 2;
                out.drawImage(LosslessFactory.createFromImage(doc, chart(t, who)), MARGIN, y, CHART_W, CHART_H);
                y -= LINE / 2;
                y = text(out, fonts.bold(), 12, y, "Milestones");
                List<TimelineEvent> milestones = t.events().stream().filter(e -> MILESTONES.contains(e.type()))
                        .toList();
                int room = (int) ((y - MARGIN - LINE) / LINE);
                int skip = Math.max(0, milestones.size() - room);
                if (skip > 0) {
                    y = text(out, fonts.regular(), 9, y, skip + " earlier milestones: see the timeline in the API.");
                }
                for (TimelineEvent e : milestones.subList(skip, milestones.size())) {
                    y = text(out, fonts.regular(), 9, y, e.on() + "   " + describe(e, who));
                }
                out.beginText();
                fonts.regular().use(out, 8);
                out.newLineAtOffset(MARGIN, MARGIN / 2);
                out.showText(PdfText.CONFIDENTIAL);
                out.endText();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event in words: its type, its category and outcome, and whose it is. */
    static String describe(TimelineEvent e, Map<UUID, String> who) {
        StringBuilder s = new StringBuilder(words(e.type().name()));
        if (e.category() != null) {
            s.append(": ").append(words(e.category()));
        }
        if (e.outcome() != null) {
            s.append(", ").append(words(e.outcome()));
        }
        if (e.partnerId() != null && who.containsKey(e.partnerId())) {
            s.append(" - ").append(who.get(e.partnerId()));
        }
        return s.toString();
    }

    private static BufferedImage chart(TrustTimeline t, Map<UUID, String> who) {
        TimeSeriesCollection trust = new TimeSeriesCollection();
        TimeSeriesCollection csi = new TimeSeriesCollection();
        for (Map.Entry<UUID, String> p : who.entrySet()) {
            TimeSeries ratings = new TimeSeries("Trust, " + p.getValue());
            TimeSeries scores = new TimeSeries("CSI-16, " + p.getValue());
            for (TimelineEvent e : t.events()) {
                if (p.getKey().equals(e.partnerId()) && e.value() != null) {
                    (e.type() == TimelineEventType.TRUST_RATING ? ratings : scores).addOrUpdate(day(e.on()), e.value());
                }
            }
            if (!ratings.isEmpty()) {
                trust.addSeries(ratings);
            }
            if (!scores.isEmpty()) {
                csi.addSeries(scores);
            }
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null, "Trust (0-10)", trust, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getRangeAxis().setRange(0, 10);
        plot.getDomainAxis().setRange(day(t.from()).getFirstMillisecond(), day(t.to()).getLastMillisecond());
        if (plot.getRenderer() instanceof XYLineAndShapeRenderer lines) {
            lines.setDefaultShapesVisible(true);
        }
        NumberAxis csiAxis = new NumberAxis("CSI-16 (0-81)");
        csiAxis.setRange(0, 81);
        plot.setRangeAxis(1, csiAxis);
        plot.setDataset(1, csi);
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer dashed = new XYLineAndShapeRenderer(true, true);
        dashed.setDefaultStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {6, 4}, 0));
        dashed.setAutoPopulateSeriesStroke(false);
        plot.setRenderer(1, dashed);
        for (TimelineEvent e : t.events()) {
            if (MILESTONES.contains(e.type())) {
                ValueMarker marker = new ValueMarker(day(e.on()).getMiddleMillisecond(), colour(e.type()),
                        new BasicStroke(1f));
                plot.addDomainMarker(marker);
            }
        }
        return chart.createBufferedImage(CHART_W * 2, CHART_H * 2);
    }

    private static Color colour(TimelineEventType type) {
        return switch (type) {
            case SOBRIETY_RESET, BOUNDARY_BROKEN -> new Color(0xC0, 0x1C, 0x1C);
            case DISCOVERY, DISCLOSURE, POLYGRAPH -> new Color(0x1F, 0x4E, 0x9C);
            default -> new Color(0x2E, 0x7D, 0x32);
        };
    }

    private static Day day(LocalDate d) {
        return new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static float text(PDPageContentStream out, PdfFonts.Face face, float size, float y, String text)
            throws IOException {
        float next = y - LINE;
        out.beginText();
        face.use(out, size);
        out.newLineAtOffset(MARGIN, next);
        out.showText(face.printable(text));
        out.endText();
        return next;
    }
}
