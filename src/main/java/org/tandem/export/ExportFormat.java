package org.tandem.export;

/** How an export's rows are written. */
public enum ExportFormat {
    CSV("text/csv; charset=utf-8", "csv"),
    NDJSON("application/x-ndjson", "ndjson"),
    FHIR_NDJSON("application/fhir+ndjson", "ndjson");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
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
