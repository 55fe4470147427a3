package org.tandem.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.ExportRows;

/** Which read order an export's streams ask MariaDB for (docs/performance.md, "Exports in detail"). */
class ExportScopeTest {

    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);

    @Test
    void aClinicWideStreamReadsInIndexOrderAsTheBenchmarksReferenceDoes() {
        ExportScope clinic = new ExportScope(UUID.randomUUID(), null, DAY, DAY, ZoneId.of("UTC"));
        // The benchmark compares the export with a raw dump of this very query.
        assertEquals(ExportRows.RATINGS, clinic.inIndexOrder(ObservationExport.RATINGS, "ix_measurement_clinic_day"));
    }

    @Test
    void aTherapistsStreamIsLeftToTheOptimizer() {
        ExportScope mine = new ExportScope(UUID.randomUUID(), UUID.randomUUID(), DAY, DAY, ZoneId.of("UTC"));
        String sql = mine.inIndexOrder(ObservationExport.RATINGS, "ix_measurement_clinic_day");
        assertFalse(sql.contains("straight_join") || sql.contains("force index"), sql);
        assertTrue(sql.contains("c.primary_therapist_id = ?"), sql);
    }
}
