package org.tandem.consent;

import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.tandem.consent.ConsentApi.SignatureResponse;
import org.tandem.report.PdfFonts;

/**
 * A signed consent as PDF (Apache PDFBox): the clinic, the form's title and version, the exact text signed with its
 * SHA-256, then who signed, when, from where, and the status today; page numbers and a confidentiality line on every
 * page. The standard PDF fonts cover Latin-1: other characters print as '?', and the hash identifies the exact text.
 */
final class ConsentPdf {

    private static final float MARGIN = 50;
    private static final float LINE = 13;
    private static final float SIZE = 10;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final PDDocument doc = new PDDocument();
    private final PdfFonts fonts = PdfFonts.of(doc);
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream out;
    private float y;

    private ConsentPdf() {
    }

    static Response attachment(byte[] pdf, UUID id) {
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"consent-" + id + ".pdf\"").build();
    }

    static byte[] render(String title, ConsentTemplateVersion version, SignatureResponse s, String clinic,
            ZoneId zone) {
        ConsentPdf pdf = new ConsentPdf();
        try (PDDocument doc = pdf.doc) {
            pdf.page();
            pdf.line(pdf.fonts.regular(), 9, clinic);
            pdf.line(pdf.fonts.bold(), 15, title);
            pdf.line(pdf.fonts.regular(), 9, "Version " + version.getNumber() + " of the form, as signed.");
            pdf.y -= LINE / 2;
            for (String paragraph : version.getText().split("\\R", -1)) {
                pdf.paragraph(pdf.fonts.regular(), SIZE, paragraph);
            }
            pdf.y -= LINE;
            pdf.line(pdf.fonts.bold(), 11, "Electronic signature");
            pdf.paragraph(pdf.fonts.regular(), SIZE, "Signed by: " + (s.typedName() == null ? "-" : s.typedName())
                    + " (typed name)");
            pdf.paragraph(pdf.fonts.regular(), SIZE, "Signed at: " + WHEN.format(s.signedAt().atZone(zone)));
            pdf.paragraph(pdf.fonts.regular(), SIZE, "Signed from: " + (s.signedFrom() == null ? "-" : s.signedFrom()));
            if (s.releaseTo() != null) {
                pdf.paragraph(pdf.fonts.regular(), SIZE, "Information may be released to: " + s.releaseTo().party());
                pdf.paragraph(pdf.fonts.regular(), SIZE, "Scope: " + s.releaseTo().scope());
                pdf.paragraph(pdf.fonts.regular(), SIZE, "Until (inclusive): " + s.expiresOn());
            }
            pdf.paragraph(pdf.fonts.regular(), SIZE, "Status: " + s.status() + (s.revokedAt() == null ? ""
                    : ", revoked at " + WHEN.format(s.revokedAt().atZone(zone))));
            pdf.paragraph(pdf.fonts.regular(), SIZE, "SHA-256 of the text signed (UTF-8):");
            pdf.paragraph(pdf.fonts.mono(), 9, s.textSha256());
            pdf.out.close();
            pdf.footers();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a consent PDF", e);
        }
    }

    private void page() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        pages.add(page);
        out = new PDPageContentStream(doc, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    private void line(PdfFonts.Face face, float size, String text) throws IOException {
        if (y < MARGIN + 2 * LINE) {
            page();
        }
        out.beginText();
        face.use(out, size);
        out.newLineAtOffset(MARGIN, y);
        out.showText(face.printable(text));
        out.endText();
        y -= Math.max(LINE, size + 4);
    }

    /** Words wrapped to the page width; an empty paragraph is an empty line. */
    private void paragraph(PdfFonts.Face face, float size, String text) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        StringBuilder current = new StringBuilder();
        for (String word : face.printable(text).split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && face.width(candidate, size) > width) {
                line(face, size, current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        line(face, size, current.toString());
    }

    private void footers() throws IOException {
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream footer = new PDPageContentStream(doc, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                footer.beginText();
                fonts.regular().use(footer, 8);
                footer.newLineAtOffset(MARGIN, MARGIN / 2);
                footer.showText("Confidential health information. Page " + (i + 1) + " of " + pages.size());
                footer.endText();
            }
        }
    }
}
