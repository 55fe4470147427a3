package org.tandem.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tandem.common.PageQuery;
import org.tandem.common.PageResponse;
import org.tandem.common.Problems;
import org.tandem.security.Caller;

/** Reading the audit log: admins, their own clinic only. Reading it is itself audited. */
@ApplicationScoped
@Transactional
public class AuditService {

    public record AuditEventResponse(UUID id, Instant occurredAt, String subject, String roles, String clientId,
            String action, String recordType, String recordId, AuditOutcome outcome, Integer httpStatus,
            String clientAddress, String requestId, String detail) {
    }

    private final AuditRepository events;
    private final AuditLog audit;
    private final Caller caller;

    AuditService(AuditRepository events, AuditLog audit, Caller caller) {
        this.events = events;
        this.audit = audit;
        this.caller = caller;
    }

    public PageResponse<AuditEventResponse> list(AuditRepository.Filter filter, PageQuery page) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw Problems.invalid("to", "query", "must be after from");
        }
        PanacheQuery<AuditEvent> query = events.search(caller.clinicId(), filter, page);
        List<AuditEvent> rows = query.list();
        long total = query.count();
        audit.success("audit.list", "audit-event", null);
        return PageResponse.of(rows, AuditService::toResponse, page, total);
    }

    private static AuditEventResponse toResponse(AuditEvent e) {
        return new AuditEventResponse(e.getId(), e.getOccurredAt(), e.getSubject(), e.getRoles(), e.getClientId(),
                e.getAction(), e.getRecordType(), e.getRecordId(), e.getOutcome(), e.getHttpStatus(),
                e.getClientAddress(), e.getRequestId(), e.getDetail());
    }
}
