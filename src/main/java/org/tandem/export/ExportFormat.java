package org.tandem.export;

import lombok.RequiredArgsConstructor;

/** How an export's rows are written. */
@RequiredArgsConstructor
public enum ExportFormat {
    CSV("text/csv; charset=utf-8", "csv"),
    NDJSON("application/x-ndjson", "ndjson"),
    FHIR_NDJSON("application/fhir+ndjson", "ndjson");

    private final String mediaType;
    private final String extension;

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
