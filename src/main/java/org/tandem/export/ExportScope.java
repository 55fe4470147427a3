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

    /**
     * A stream's SQL from a template with {@code %1$s} for the couples and {@code %2$s}, {@code %3$s} for the read
     * order. A clinic-wide stream reads its table through the clinic-and-day {@code index}, whose order is the
     * ORDER BY (InnoDB appends the id to every index), so rows leave the database as they are read. Left to
     * itself, MariaDB starts from the clinic's couples and sorts the whole export in a temporary table before the
     * first row (docs/performance.md, "Exports in detail"). A therapist's export is left to the optimizer:
     * starting from their few couples reads a fraction of the clinic's rows, which is worth a sort.
     */
    String inIndexOrder(String template, String index) {
        boolean clinicWide = therapistId == null;
        return template.formatted(couples(), clinicWide ? "straight_join" : "",
                clinicWide ? "force index (" + index + ")" : "");
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
