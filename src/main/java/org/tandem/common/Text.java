package org.tandem.common;

/** Free-text input as it is stored: trimmed, and absent rather than blank. */
public final class Text {

    private Text() {
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
