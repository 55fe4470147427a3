package org.tandem.report;

import lombok.RequiredArgsConstructor;

/** The formats of a couple's progress report. */
@RequiredArgsConstructor
public enum ReportFormat {
    JSON("application/json", "json"),
    CSV("text/csv; charset=utf-8", "csv"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
