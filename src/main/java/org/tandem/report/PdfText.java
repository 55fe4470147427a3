package org.tandem.report;

/** The words every couple's PDF ends with. */
public final class PdfText {

    /** The foot of every page of a couple's PDF (a page number may follow). */
    public static final String CONFIDENTIAL = "Confidential health information: for the couple's care only; do not"
            + " forward without consent.";

    private PdfText() {
    }
}
