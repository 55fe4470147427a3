package org.tandem.report;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Text for a PDF font: what it can print, and the words every couple's PDF ends with. */
public final class PdfText {

    /** The foot of every page of a couple's PDF (a page number may follow). */
    public static final String CONFIDENTIAL = "Confidential health information: for the couple's care only; do not"
            + " forward without consent.";

    private PdfText() {
    }

    /** What the font can print: any other character becomes '?', a tab a space (see {@link PdfFonts}). */
    public static String printable(PDFont font, String text) {
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
