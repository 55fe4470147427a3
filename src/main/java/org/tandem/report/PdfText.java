package org.tandem.report;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/** Text for PDFBox's standard fonts, which cover WinAnsi (Latin-1) only. */
public final class PdfText {

    /** The foot of every page of a couple's PDF (a page number may follow). */
    public static final String CONFIDENTIAL = "Confidential health information: for the couple's care only; do not"
            + " forward without consent.";

    private PdfText() {
    }

    /** What the font can print: any other character (e.g. in an exercise title) becomes '?', a tab a space. */
    public static String printable(PDType1Font font, String text) {
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
}
