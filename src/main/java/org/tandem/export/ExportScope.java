package org.tandem.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which couples and which days a job covers, as SQL over a couple alias {@code c}: the clinic, and for a therapist's
 * export only the couples they are primary or co-therapist of (the same rule as CoupleRepository#visibility).
 */
record ExportScope(UUID clinicId, UUID therapistId, LocalDate from, LocalDate to, ZoneId zone) {

    static ExportScope of(ExportJob job, ZoneId zone) {
        return new ExportScope(job.getClinicId(), job.getTherapistId(), job.getFrom(), job.getTo(), zone);
    }

    String couples() {
        String clinic = "c.clinic_id = ?";
        return therapistId == null ? clinic : clinic + " and (c.primary_therapist_id = ? or exists (select 1 from"
                + " couple_co_therapist t where t.couple_id = c.id and t.therapist_id = ?))";
    }

    List<Object> coupleParams() {
        List<Object> params = new ArrayList<>(List.of(clinicId));
        if (therapistId != null) {
            params.add(therapistId);
            params.add(therapistId);
        }
        return params;
    }

    /** {@link #coupleParams()} followed by more. */
    List<Object> params(Object... more) {
        List<Object> params = coupleParams();
        params.addAll(List.of(more));
        return params;
    }

    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
