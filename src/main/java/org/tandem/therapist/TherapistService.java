package org.tandem.therapist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.security.Caller;

/** The clinic's therapist directory. Rows are created when a therapist first calls the API (or by demo data). */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class TherapistService {

    /** A therapist as an admin sees them. */
    public record TherapistResponse(UUID id, String username, String displayName, String email, Instant createdAt) {
    }

    private final TherapistRepository therapists;
    private final Caller caller;

    public PageResponse<TherapistResponse> list(PageQuery page) {
        UUID clinicId = caller.clinicId();
        return PageResponse.of(therapists.page(clinicId, page.page(), page.size()), TherapistService::toResponse, page,
                therapists.countInClinic(clinicId));
    }

    private static TherapistResponse toResponse(Therapist t) {
        return new TherapistResponse(t.getId(), t.getUsername(), t.getDisplayName(), t.getEmail(), t.getCreatedAt());
    }
}
