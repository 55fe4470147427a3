package org.tandem.scheduling;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.common.persistence.Paged;
import org.tandem.common.web.PageQuery;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.OpenSafetyFlags;
import org.tandem.security.AccessScope;

/** Sessions, reached through the couples the caller may see ({@link CoupleRepository#visibility}). */
@ApplicationScoped
@RequiredArgsConstructor
public class SessionRepository implements PanacheRepositoryBase<TherapySession, UUID>, AttendanceReads {

    /** List criteria; null fields do not filter. */
    public record Filter(Instant from, Instant to, SessionStatus status, SessionKind kind, UUID therapistId,
            UUID coupleId) {
    }

    /** A session as its responses show it: with whether its couple has an open safety flag, in the same select. */
    public record Shown(TherapySession session, boolean flagged) {
        static Shown of(Object[] row) {
            return new Shown((TherapySession) row[0], ((Number) row[1]).longValue() > 0);
        }
    }

    private final OpenSafetyFlags openFlags;

    private static String visible(AccessScope scope) {
        return "s.couple.id in (select c.id from Couple c where " + CoupleRepository.visibility("c", scope) + ")";
    }

    /** A session with what its answer shows (clinic zone, couple code, therapist) in the same select. */
    private String shown() {
        return "select s, " + openFlags.countOf("s.couple.id") + " from TherapySession s join fetch s.clinic"
                + " join fetch s.couple join fetch s.therapist";
    }

    public Optional<TherapySession> findVisible(AccessScope scope, UUID id) {
        return find("from TherapySession s where s.id = :id and " + visible(scope),
                CoupleRepository.scopeParameters(scope).and("id", id)).firstResultOptional();
    }

    /** As {@link #findVisible}, with the couple's open safety flags. */
    public Optional<Shown> findShown(AccessScope scope, UUID id) {
        return getSession().createSelectionQuery(shown() + " where s.id = :id and " + visible(scope), Object[].class)
                .setProperties(CoupleRepository.scopeParameters(scope).and("id", id).map()).uniqueResultOptional()
                .map(Shown::of);
    }

    /**
     * A page of sessions as their list shows them (the agenda), as flat rows in {@link SessionMapper#fromListRow}'s
     * column order, without building managed sessions: the agenda is read far more often than a session changes,
     * and hydrating each session with its clinic, couple and therapist was most of its CPU. Their reschedules come
     * from {@link #reschedulesOf}.
     */
    public Paged<Object[]> searchRows(AccessScope scope, Filter f, PageQuery page) {
        StringBuilder where = new StringBuilder(visible(scope));
        Parameters params = CoupleRepository.scopeParameters(scope);
        if (f.from() != null) {
            where.append(" and s.endsAt > :from");
            params.and("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and s.startsAt < :to");
            params.and("to", f.to());
        }
        if (f.status() != null) {
            where.append(" and s.status = :status");
            params.and("status", f.status());
        }
        if (f.kind() != null) {
            where.append(" and s.kind = :kind");
            params.and("kind", f.kind());
        }
        if (f.therapistId() != null) {
            where.append(" and s.therapist.id = :therapistId");
            params.and("therapistId", f.therapistId());
        }
        if (f.coupleId() != null) {
            where.append(" and s.couple.id = :coupleId");
            params.and("coupleId", f.coupleId());
        }
        return Paged.of(getSession().createSelectionQuery("select s.id, c.id, c.code, t.id, t.displayName, pa.id,"
                + " se.id, s.seriesIndex, s.startsAt, s.endsAt, cl.timeZone, s.kind, s.modality, s.location,"
                + " s.videoLink, s.status, s.cancelledBy, s.cancelReason, s.cancelledAt, s.lateCancellation,"
                + " s.version, s.createdAt, s.updatedAt, " + openFlags.countOf("c.id") + ", s.sealedCancelReason"
                + " from TherapySession s join s.clinic cl join s.couple c join s.therapist t left join s.partner pa"
                + " left join s.series se where " + where + " order by s.startsAt, s.id", Object[].class)
                .setProperties(params.map()), page.page(), page.size(), row -> row);
    }

    /**
     * The reschedules of these sessions, oldest first, as rows: the session's id, then what an entry shows. In SQL,
     * not HQL: Hibernate does not cache its translation of an HQL query with a list parameter (the SQL depends on
     * the list's length) and translated this one again on every agenda read.
     */
    public List<Object[]> reschedulesOf(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return getSession().createNativeQuery("select session_id, previous_start, previous_end, new_start, new_end,"
                + " changed_at, changed_by from session_reschedule where session_id in (:ids) order by changed_at",
                Object[].class).addScalar("session_id", UUID.class).addScalar("previous_start", Instant.class)
                .addScalar("previous_end", Instant.class).addScalar("new_start", Instant.class)
                .addScalar("new_end", Instant.class).addScalar("changed_at", Instant.class)
                .addScalar("changed_by", String.class).setParameterList("ids", sessionIds).getResultList();
    }

    /**
     * A session {@code :therapist} attends as the second therapist: a disclosure session, held with both of the
     * couple's therapists while the disclosure is planned (the disclosure feature names the session and the
     * co-therapist). It is as busy for them as their own.
     */
    private static final String SECOND_THERAPIST = "s.id in (select d.sessionId from Disclosure d where"
            + " d.coTherapistId = :therapist and d.status = org.tandem.disclosure.DisclosureStatus.PLANNING)";

    /**
     * The first non-cancelled session that the new slot would collide with: the same therapist at an overlapping
     * time, or the same people (the whole couple, or the same partner) at an overlapping time.
     */
    public Optional<TherapySession> firstClash(SessionSlot slot, UUID therapistId, UUID coupleId, UUID partnerId,
            UUID excludeId) {
        String people = partnerId == null
                ? "s.couple.id = :couple"
                : "(s.couple.id = :couple and (s.partner is null or s.partner.id = :partner))";
        Parameters params = Parameters.with("start", slot.start()).and("end", slot.end())
                .and("therapist", therapistId).and("couple", coupleId).and("cancelled", SessionStatus.CANCELLED);
        if (partnerId != null) {
            params.and("partner", partnerId);
        }
        String exclude = "";
        if (excludeId != null) {
            exclude = " and s.id <> :exclude";
            params.and("exclude", excludeId);
        }
        return find("from TherapySession s where s.status <> :cancelled and s.startsAt < :end and s.endsAt > :start"
                + exclude + " and (s.therapist.id = :therapist or " + SECOND_THERAPIST + " or " + people + ")",
                Sort.by("s.startsAt"), params).firstResultOptional();
    }

    /** A therapist's non-cancelled sessions overlapping a range, for free slots. */
    public List<TherapySession> busy(UUID therapistId, Instant from, Instant to) {
        return find("from TherapySession s where (s.therapist.id = :therapist or " + SECOND_THERAPIST + ")"
                + " and s.status <> :cancelled and s.startsAt < :end and s.endsAt > :start", Sort.by("s.startsAt"),
                Parameters.with("therapist", therapistId).and("cancelled", SessionStatus.CANCELLED).and("end", to)
                        .and("start", from)).list();
    }

    /** A couple's scheduled sessions that start after {@code after}, earliest first. */
    public List<TherapySession> scheduledOfCoupleAfter(UUID coupleId, Instant after) {
        return list("couple.id = ?1 and status = ?2 and startsAt > ?3", Sort.by("startsAt"), coupleId,
                SessionStatus.SCHEDULED, after);
    }

    /** The scheduled occurrences of a series from an index on. */
    /** A series' occurrences from {@code index} on, in order, whatever their status. */
    public List<TherapySession> inSeriesFrom(UUID seriesId, int index) {
        return list("series.id = ?1 and seriesIndex >= ?2", Sort.by("seriesIndex"), seriesId, index);
    }

    public List<TherapySession> scheduledInSeriesFrom(UUID seriesId, int index) {
        return list("series.id = ?1 and seriesIndex >= ?2 and status = ?3", Sort.by("seriesIndex"), seriesId, index,
                SessionStatus.SCHEDULED);
    }

    /** Sessions of a couple starting in [from, to), counted by status and late cancellation. */
    @Override
    public Attendance attendance(UUID coupleId, Instant from, Instant to) {
        List<Object[]> rows = getEntityManager().createQuery("select s.status, s.lateCancellation, count(s)"
                + " from TherapySession s where s.couple.id = :couple and s.startsAt >= :from and s.startsAt < :to"
                + " group by s.status, s.lateCancellation", Object[].class)
                .setParameter("couple", coupleId).setParameter("from", from).setParameter("to", to).getResultList();
        long held = 0, cancelled = 0, late = 0, missed = 0, scheduled = 0;
        for (Object[] row : rows) {
            long n = (Long) row[2];
            switch ((SessionStatus) row[0]) {
                case COMPLETED -> held += n;
                case NO_SHOW -> missed += n;
                case SCHEDULED -> scheduled += n;
                case CANCELLED -> {
                    cancelled += n;
                    late += Boolean.TRUE.equals(row[1]) ? n : 0;
                }
            }
        }
        return new Attendance(held, cancelled, late, missed, scheduled);
    }

    /** How a couple's sessions in a period went. {@code cancelledLate} is part of {@code cancelled}. */
    public record Attendance(long attended, long cancelled, long cancelledLate, long missed, long scheduled) {
    }

    public List<TherapySession> forTherapist(UUID therapistId, Instant from, Instant to) {
        return list("therapist.id = ?1 and startsAt < ?2 and endsAt > ?3", Sort.by("startsAt"), therapistId, to, from);
    }

    /**
     * A partner's sessions that end after {@code from}, soonest first: the couple's joint ones and intake, and
     * their own individual ones, never the other partner's.
     */
    public List<TherapySession> forPartner(UUID coupleId, UUID partnerId, Instant from, int limit) {
        return find("from TherapySession s join fetch s.clinic join fetch s.therapist where s.couple.id = ?1"
                + " and (s.partner is null or s.partner.id = ?2) and s.endsAt > ?3", Sort.by("s.startsAt"),
                coupleId, partnerId, from).range(0, limit - 1).list();
    }

    /** A partner's sessions (joint ones and their own) that overlap a period, for their calendar feed. */
    public List<TherapySession> forPartnerBetween(UUID partnerId, Instant from, Instant to) {
        return list("couple.id = (select p.couple.id from Partner p where p.id = ?1)"
                + " and (partner is null or partner.id = ?1) and startsAt < ?2 and endsAt > ?3", Sort.by("startsAt"),
                partnerId, to, from);
    }

    /** Scheduled sessions of a therapist that have not started: what someone must move when they leave. */
    /** Whether the couple has a completed session besides {@code sessionId}: until then, its first is ahead. */
    public boolean hasOtherCompleted(UUID coupleId, UUID sessionId) {
        return count("couple.id = ?1 and status = ?2 and id <> ?3", coupleId, SessionStatus.COMPLETED, sessionId) > 0;
    }

    public long countScheduledFor(UUID therapistId, Instant after) {
        return count("therapist.id = ?1 and status = ?2 and startsAt > ?3", therapistId, SessionStatus.SCHEDULED, after);
    }
}
