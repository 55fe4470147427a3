package org.tandem.export;

import java.util.Set;
import lombok.RequiredArgsConstructor;

/** What an export contains, and the formats it comes in. */
@RequiredArgsConstructor
public enum ExportKind {
    /** Ratings, questionnaire scores, sessions and adherence: one row per observation. */
    OBSERVATIONS(Set.of(ExportFormat.CSV, ExportFormat.NDJSON), false),
    /** The same data as FHIR R4 resources, plus Patient, Group, Goal and CarePlan. */
    FHIR(Set.of(ExportFormat.FHIR_NDJSON), true),
    /** The clinic's audit log. */
    AUDIT_LOG(Set.of(ExportFormat.CSV, ExportFormat.NDJSON), true);

    private final Set<ExportFormat> formats;
    private final boolean adminOnly;

    public boolean supports(ExportFormat format) {
        return formats.contains(format);
    }

    public Set<ExportFormat> formats() {
        return formats;
    }

    public boolean adminOnly() {
        return adminOnly;
    }
}
