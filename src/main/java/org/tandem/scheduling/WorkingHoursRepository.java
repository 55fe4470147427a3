package org.tandem.scheduling;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WorkingHoursRepository implements PanacheRepositoryBase<WorkingHours, UUID> {

    public List<WorkingHours> forTherapist(UUID therapistId) {
        return list("therapist.id", Sort.by("dayOfWeek").and("startsAt"), therapistId);
    }

    public void deleteForTherapist(UUID therapistId) {
        delete("therapist.id", therapistId);
    }
}
