package org.tandem.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The faces of one PDF document. Text is set in Liberation Sans, the TrueType face PDFBox ships (SIL Open Font
 * License), embedded as a subset: names, forms and titles in any European language (Latin with its accents, Greek,
 * Cyrillic) print as written, where the standard PDF fonts knew Latin-1 only. PDFBox ships the regular weight alone,
 * so bold is that face drawn with an outline. A character the face lacks (Chinese, for one) prints as '?'.
 */
public record PdfFonts(Face regular, Face bold, Face mono) {

    private static final String LIBERATION_SANS = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final byte[] SANS = read(LIBERATION_SANS);

    /** A face and how it is drawn. */
    public record Face(PDFont font, boolean bold) {

        /** Selects this face for the text object being written. */
        public void use(PDPageContentStream out, float size) throws IOException {
            out.setFont(font, size);
            out.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            if (bold) {
                out.setLineWidth(size / 30);
            }
        }

        /** What this face can print of the text: any other character becomes '?', a tab a space. */
        public String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String ch = cp == '\t' ? " " : new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        public float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }
    }

    /** The faces for one document: an embedded font belongs to the document it is embedded in. */
    public static PdfFonts of(PDDocument doc) {
        try {
            PDFont sans = PDType0Font.load(doc, new ByteArrayInputStream(SANS), true);
            // Courier, a standard font, for ASCII such as hashes only.
            return new PdfFonts(new Face(sans, false), new Face(sans, true),
                    new Face(new PDType1Font(Standard14Fonts.FontName.COURIER), false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox no longer ships " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
