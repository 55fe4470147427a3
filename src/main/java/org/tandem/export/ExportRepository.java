package org.tandem.export;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.tandem.common.web.PageQuery;

@ApplicationScoped
public class ExportRepository implements PanacheRepositoryBase<ExportJob, UUID> {

    /** A job of the clinic; with {@code requestedBy} only one that caller asked for. */
    public Optional<ExportJob> findVisible(UUID clinicId, String requestedBy, UUID id) {
        return search(clinicId, requestedBy, id, null).firstResultOptional();
    }

    public PanacheQuery<ExportJob> list(UUID clinicId, String requestedBy, PageQuery page) {
        return search(clinicId, requestedBy, null, Sort.by("createdAt", Sort.Direction.Descending).and("id"))
                .page(Page.of(page.page(), page.size()));
    }

    private PanacheQuery<ExportJob> search(UUID clinicId, String requestedBy, UUID id, Sort sort) {
        StringBuilder where = new StringBuilder("clinicId = :clinic");
        Parameters params = Parameters.with("clinic", clinicId);
        if (requestedBy != null) {
            where.append(" and requestedBy = :by");
            params.and("by", requestedBy);
        }
        if (id != null) {
            where.append(" and id = :id");
            params.and("id", id);
        }
        return sort == null ? find(where.toString(), params) : find(where.toString(), sort, params);
    }
}
