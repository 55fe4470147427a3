package org.tandem.report;

/** The formats of a couple's progress report. */
public enum ReportFormat {
    JSON("application/json", "json"),
    CSV("text/csv; charset=utf-8", "csv"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
