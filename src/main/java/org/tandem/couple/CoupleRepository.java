package org.tandem.couple;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.common.persistence.Paged;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.Problems;
import org.tandem.security.AccessScope;

/**
 * Couples, always loaded through the caller's {@link AccessScope}: a couple of another clinic, or one not assigned
 * to the calling therapist, is simply not found. Later features reach their records through {@link #findVisible}.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class CoupleRepository implements PanacheRepositoryBase<Couple, UUID> {

    /** Search criteria for a list; null fields do not filter. */
    public record Filter(CoupleStatus status, UUID therapistId, String text, CoupleSort sort) {
    }

    /** A couple as its responses show it: with the open safety flags, counted in the same select. */
    public record Shown(Couple couple, int openFlags) {
        static Shown of(Object[] row) {
            return new Shown((Couple) row[0], ((Number) row[1]).intValue());
        }
    }

    private final OpenSafetyFlags openFlags;
    private final ClinicCipher cipher;

    public Optional<Couple> findVisible(AccessScope scope, UUID id) {
        Parameters params = scopeParameters(scope).and("id", id);
        return find("from Couple c where c.id = :id and " + visibility("c", scope), params).firstResultOptional();
    }

    /** The couple if the scope reaches it; otherwise 404, whether it is missing or not the caller's. */
    public Couple requireVisible(AccessScope scope, UUID id) {
        return findVisible(scope, id).orElseThrow(() -> Problems.notFound("couple"));
    }

    /**
     * As {@link #requireVisible}, with everything a couple's response shows (primary therapist, co-therapists,
     * partners, open safety flags) in the same select: one round trip instead of five.
     */
    public Shown requireShown(AccessScope scope, UUID id) {
        List<Object[]> rows = getSession().createSelectionQuery("select c, " + openFlags.countOf("c.id")
                + " from Couple c left join fetch c.primaryTherapist left join fetch c.coTherapists"
                + " left join fetch c.partners where c.id = :id and " + visibility("c", scope), Object[].class)
                .setProperties(scopeParameters(scope).and("id", id).map()).getResultList();
        // One row per co-therapist and partner, all of the same couple and count.
        return rows.stream().findFirst().map(Shown::of).orElseThrow(() -> Problems.notFound("couple"));
    }

    /**
     * A couple as its read shows it, as flat rows in {@link CoupleMapper#fromReadRows}'s column order (one row per
     * partner and co-therapist pair, the open-flag count on each), without building entities: the hottest read of
     * the API needs no managed couple, and hydrating one with two collections cost a third of its CPU
     * (docs/performance.md). 404 when the scope does not reach it.
     */
    public List<Object[]> requireReadRows(AccessScope scope, UUID id) {
        List<Object[]> rows = getSession().createSelectionQuery("select c.id, c.code, c.status, c.careStartedOn,"
                + " c.treatmentGoals, c.version, c.createdAt, c.updatedAt, pt.id, pt.displayName, ct.id,"
                + " ct.displayName, p.id, p.seat, p.fullName, p.preferredName, p.pronouns, p.dateOfBirth, p.email,"
                + " p.phone, p.recoveryRole, p.sobrietyDate, " + openFlags.countOf("c.id") + ", c.sealedGoals"
                + " from Couple c left join c.primaryTherapist pt left join c.coTherapists ct left join c.partners p"
                + " where c.id = :id and " + visibility("c", scope), Object[].class)
                .setProperties(scopeParameters(scope).and("id", id).map()).getResultList();
        if (rows.isEmpty()) {
            throw Problems.notFound("couple");
        }
        return rows;
    }

    /**
     * Seals a couple's treatment goals under its clinic's data key, bound to its id, into its row (null: none), and
     * empties the column of goals written before goals were sealed. Not through the entity: a new couple has its id
     * only once persisted, and an entity change then would cost it an update and a version.
     */
    public void writeGoals(Couple couple, String goals) {
        cipher.sealInto(getEntityManager(), SealedColumn.COUPLE_GOALS, "treatment_goals", couple.getClinic().getId(),
                couple.getId(), goals);
    }

    /**
     * As {@link #requireVisible}, with the clinic and the partners fetched in the same select, for reads that use
     * the clinic's time zone and each partner (the progress summary): one round trip instead of three.
     */
    public Couple requireVisibleWithPartners(AccessScope scope, UUID id) {
        return requireVisibleFetching(scope, id, "join fetch c.clinic left join fetch c.partners");
    }

    private Couple requireVisibleFetching(AccessScope scope, UUID id, String fetches) {
        Parameters params = scopeParameters(scope).and("id", id);
        return find("select distinct c from Couple c " + fetches + " where c.id = :id and " + visibility("c", scope),
                params).singleResultOptional().orElseThrow(() -> Problems.notFound("couple"));
    }

    /** The couples in care (not discharged) that a therapist treats as primary or co-therapist, by code. */
    public List<Couple> inCareWith(UUID clinicId, UUID therapistId) {
        return list("from Couple c left join fetch c.primaryTherapist where c.clinic.id = ?1 and c.status <> ?2 and"
                + " (c.primaryTherapist.id = ?3 or exists (select 1 from Couple f join f.coTherapists ft"
                + " where f = c and ft.id = ?3)) order by c.code", clinicId, CoupleStatus.DISCHARGED, therapistId);
    }

    public Paged<Shown> search(AccessScope scope, Filter filter, PageQuery page) {
        StringBuilder where = new StringBuilder(visibility("c", scope));
        Parameters params = scopeParameters(scope);
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            params.and("status", filter.status());
        }
        if (filter.therapistId() != null) {
            where.append(" and (c.primaryTherapist.id = :filterTherapist or exists (select 1 from Couple f join f.coTherapists ft where f = c and ft.id = :filterTherapist))");
            params.and("filterTherapist", filter.therapistId());
        }
        if (filter.text() != null) {
            where.append(" and (c.code like :text escape '!' or exists (select 1 from Partner p where p.couple = c and (p.fullName like :text escape '!' or p.preferredName like :text escape '!')))");
            params.and("text", "%" + escapeLike(filter.text()) + "%");
        }
        CoupleSort sort = filter.sort() == null ? CoupleSort.DEFAULT : filter.sort();
        String order = " order by " + sort.property() + (sort.descending() ? " desc" : " asc") + ", c.id asc";
        return Paged.of(getSession().createSelectionQuery("select c, " + openFlags.countOf("c.id")
                + " from Couple c where " + where + order, Object[].class).setProperties(params.map()),
                page.page(), page.size(), Shown::of);
    }

    public CoupleStatus currentStatus(UUID id) {
        return find("select c.status from Couple c where c.id = ?1", id).project(CoupleStatus.class).firstResult();
    }

    public boolean codeExists(UUID clinicId, String code) {
        return count("clinic.id = ?1 and code = ?2", clinicId, code) > 0;
    }

    /**
     * The one definition of which couples a scope reaches, as an HQL condition on the couple alias {@code c}; other
     * features (sessions, notes, ...) select their records through it. Bind {@link #scopeParameters}.
     */
    public static String visibility(String c, AccessScope scope) {
        String clinic = c + ".clinic.id = :clinic";
        if (scope.isWholeClinic()) {
            return clinic;
        }
        if (scope.coupleId() != null) {
            return clinic + " and " + c + ".id = :ownCouple";
        }
        return clinic + " and (" + c + ".primaryTherapist.id = :therapist"
                + " or exists (select 1 from Couple a join a.coTherapists t where a = " + c + " and t.id = :therapist))";
    }

    public static Parameters scopeParameters(AccessScope scope) {
        Parameters params = Parameters.with("clinic", scope.clinicId());
        if (scope.coupleId() != null) {
            return params.and("ownCouple", scope.coupleId());
        }
        return scope.isWholeClinic() ? params : params.and("therapist", scope.therapistId());
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
