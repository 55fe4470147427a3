package org.tandem.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.tandem.common.web.PageQuery;

/** Inserts and reads audit events; it offers no way to change or delete one. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEvent, UUID> {

    /** Filters of the audit list; null fields do not filter. */
    public record Filter(Instant from, Instant to, String subject, String recordType, String recordId,
            AuditOutcome outcome) {
    }

    public PanacheQuery<AuditEvent> search(UUID clinicId, Filter f, PageQuery page) {
        StringBuilder where = new StringBuilder(
                "clinicId = :clinic and (recordType is null or recordType <> :authorOnly)");
        Parameters params = Parameters.with("clinic", clinicId).and("authorOnly", AuditLog.AUTHOR_ONLY);
        if (f.from() != null) {
            where.append(" and occurredAt >= :from");
            params.and("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and occurredAt < :to");
            params.and("to", f.to());
        }
        if (f.subject() != null) {
            where.append(" and subject = :subject");
            params.and("subject", f.subject());
        }
        if (f.recordType() != null) {
            where.append(" and recordType = :recordType");
            params.and("recordType", f.recordType());
        }
        if (f.recordId() != null) {
            where.append(" and recordId = :recordId");
            params.and("recordId", f.recordId());
        }
        if (f.outcome() != null) {
            where.append(" and outcome = :outcome");
            params.and("outcome", f.outcome());
        }
        Sort newestFirst = Sort.by("occurredAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);
        return find(where.toString(), newestFirst, params).page(Page.of(page.page(), page.size()));
    }
}
