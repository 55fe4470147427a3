package org.tandem.scheduling;

import static org.tandem.common.Text.blankToNull;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.crypto.ClinicCipher;
import org.jboss.logging.Logger;
import org.tandem.audit.AuditLog;
import org.tandem.common.persistence.LockOrder;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Versions;
import org.tandem.couple.OpenSafetyFlags;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleStatus;
import org.tandem.scheduling.SchedulingApi.Clash;
import org.tandem.scheduling.SchedulingApi.ConflictPolicy;
import org.tandem.scheduling.SchedulingApi.CreateSeriesRequest;
import org.tandem.scheduling.SchedulingApi.SeriesCancelRequest;
import org.tandem.scheduling.SchedulingApi.SeriesChangeRequest;
import org.tandem.scheduling.SchedulingApi.SeriesResponse;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;
import org.tandem.webhook.WebhookEvent;

/**
 * Recurring series. Occurrences are created up front (bounded series) or over a rolling horizon (open-ended), each
 * checked like a single booking. A clash is never dropped silently: the series fails listing every clash, or, when
 * the client asks to skip, the response lists what was skipped. "This and following" changes split the series and
 * carry every occurrence over, so none is lost.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class SeriesService {

    static final String RECORD = "session-series";
    private static final Logger LOG = Logger.getLogger(SeriesService.class);

    private final SeriesRepository series;
    private final SessionRepository sessions;
    private final Booking booking;
    private final Caller caller;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final SchedulingConfig config;
    private final SessionEvents events;
    private final org.tandem.notification.Notifications notifications;
    private final LockOrder locks;
    private final OpenSafetyFlags openFlags;
    private final JointSessionHold hold;
    private final ClinicCipher cipher;

    public SeriesResponse create(CreateSeriesRequest request) {
        Booking.Participants who = booking.participantsFor(access.reach(), request.coupleId(), request.therapistId(),
                request.kind(), request.partnerId());
        Couple couple = who.couple();
        ZoneId zone = couple.getClinic().getTimeZone();
        LocalDateTime first = ClinicTime.parse(request.firstStart(), zone, "firstStart").atZone(zone).toLocalDateTime();
        checkEnd(request, first.toLocalDate());
        int interval = request.intervalWeeks() == null ? 1 : request.intervalWeeks();
        SessionSeries created = new SessionSeries(couple.getClinic(), couple, who.therapist(), who.partner(),
                request.kind(), request.modality(), blankToNull(request.location()),
                blankToNull(request.videoLink()), first, request.durationMinutes(), interval,
                request.until(), request.count());
        // Lock before inserting: the insert's foreign-key checks take shared locks on the same rows, and two
        // series holding shared locks while waiting for exclusive ones would deadlock.
        booking.lock(who);
        series.persist(created);
        List<Clash> skipped = expand(created, who, horizon(), request.onConflict() == ConflictPolicy.SKIP);
        if (created.getNextIndex() == skipped.size()) {
            throw clashes("Every occurrence of the series clashes with another session.", skipped);
        }
        series.flush();
        audit.success("session-series.create", RECORD, created.getId());
        return toResponse(created, skipped);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SeriesResponse get(UUID id) {
        SessionSeries found = load(id);
        audit.success("session-series.read", RECORD, id);
        return toResponse(found, List.of());
    }

    /** Moves this occurrence and all following ones to a new time of day and/or length, splitting the series. */
    public SeriesResponse changeFollowing(UUID id, long expectedVersion, SeriesChangeRequest request) {
        SessionSeries old = load(id);
        Versions.requireCurrent(expectedVersion, old.getVersion());
        if (request.newStartTime() == null && request.durationMinutes() == null) {
            throw Problems.invalid("newStartTime", "body", "give newStartTime, durationMinutes or both");
        }
        int from = occurrenceIndex(old, request.fromSessionId());
        ZoneId zone = old.getClinic().getTimeZone();
        LocalDateTime oldLocal = old.getFirstLocalStart().plusWeeks((long) from * old.getIntervalWeeks());
        LocalTime time = request.newStartTime() == null ? oldLocal.toLocalTime() : LocalTime.parse(request.newStartTime());
        LocalDateTime newFirst = LocalDateTime.of(oldLocal.toLocalDate(), time);
        ClinicTime.atZone(newFirst, zone, "newStartTime");
        int duration = request.durationMinutes() == null ? old.getDurationMinutes() : request.durationMinutes();
        SessionSeries next = new SessionSeries(old.getClinic(), old.getCouple(), old.getTherapist(), old.getPartner(),
                old.getKind(), old.getModality(), old.getLocation(), old.getVideoLink(), newFirst, duration,
                old.getIntervalWeeks(), old.getUntilDate(),
                old.getOccurrenceLimit() == null ? null : old.getOccurrenceLimit() - from);
        Booking.Participants who = participants(old);
        booking.lock(who);

        // Check every move first: all or nothing.
        List<TherapySession> following = sessions.inSeriesFrom(old.getId(), from);
        List<Clash> clashes = new ArrayList<>();
        for (TherapySession occurrence : following) {
            if (occurrence.getStatus() != SessionStatus.SCHEDULED) {
                continue;
            }
            SessionSlot slot = next.occurrence(occurrence.getSeriesIndex() - from, zone);
            booking.clash(who, slot, occurrence.getId()).ifPresent(other ->
                    clashes.add(new Clash(occurrence.getSeriesIndex(), slot.start(), slot.end(), other.getId())));
        }
        if (!clashes.isEmpty()) {
            throw clashes("Moving the following occurrences would double-book someone.", clashes);
        }
        series.persist(next);
        for (TherapySession occurrence : following) {
            int newIndex = occurrence.getSeriesIndex() - from;
            occurrence.belongTo(next, newIndex);
            if (occurrence.getStatus() == SessionStatus.SCHEDULED) {
                occurrence.reschedule(next.occurrence(newIndex, zone), caller.subject());
                events.publish(occurrence, WebhookEvent.SESSION_RESCHEDULED);
            }
            next.advance();
        }
        // Occurrences the old series had not created yet now belong to the new one; none is created twice.
        old.endBefore(from);
        sessions.flush();
        expand(next, who, horizon(), true);
        series.flush();
        audit.success("session-series.change-following", RECORD, old.getId());
        audit.success("session-series.create", RECORD, next.getId());
        return toResponse(next, List.of());
    }

    /** Cancels this occurrence and all following scheduled ones, and ends the series there. */
    public SeriesResponse cancelFollowing(UUID id, long expectedVersion, SeriesCancelRequest request) {
        SessionSeries found = load(id);
        Versions.requireCurrent(expectedVersion, found.getVersion());
        int from = occurrenceIndex(found, request.fromSessionId());
        Instant now = Instant.now();
        ClinicCipher.Sealer sealer = cipher.sealerFor(found.getClinic().getId());
        for (TherapySession occurrence : sessions.scheduledInSeriesFrom(found.getId(), from)) {
            occurrence.cancel(request.cancelledBy(), blankToNull(request.reason()), sealer, now,
                    found.getClinic().getLateCancelWindow());
            events.publish(occurrence, WebhookEvent.SESSION_CANCELLED);
        }
        found.endBefore(from);
        series.flush();
        audit.success("session-series.cancel-following", RECORD, found.getId());
        return toResponse(found, List.of());
    }

    /** Keeps open-ended series filled up to the horizon. Safe on many replicas: each series is locked while extended. */
    @Scheduled(every = "${tandem.scheduling.extend-interval:1h}", delayed = "${tandem.scheduling.extend-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    void extendOnSchedule() {
        extendOpenSeries(horizon());
    }

    /** Creates the missing occurrences of every open-ended series that start before {@code until}. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int extendOpenSeries(Instant until) {
        int created = 0;
        for (UUID id : QuarkusTransaction.requiringNew().call(series::openEndedIds)) {
            try {
                created += QuarkusTransaction.requiringNew().call(() -> extendOne(id, until));
            } catch (RuntimeException e) {
                // One series that cannot be extended must not stop the others; the next run tries it again.
                LOG.errorf("Series %s could not be extended: %s", id, e.getClass().getName());
            }
        }
        return created;
    }

    private int extendOne(UUID id, Instant until) {
        SessionSeries locked = locks.series(id) ? series.findById(id) : null;
        if (locked == null || locked.isEnded()) {
            return 0;
        }
        if (locked.getCouple().getStatus() == CoupleStatus.DISCHARGED) {
            // A discharge ends the couple's series (DischargeCancellation); one still running is from before it
            // did, and booking for a discharged couple is refused, which would stop this job at every run.
            locked.endBefore(locked.getNextIndex());
            return 0;
        }
        if (hold.onHold(locked.getCouple().getId(), locked.getKind())) {
            return 0; // joint work waits for a therapist's screening or clearance; the series resumes after it
        }
        int before = locked.getNextIndex();
        Booking.Participants who = participants(locked);
        booking.lock(who);
        List<Clash> skipped = expand(locked, who, until, true);
        for (Clash clash : skipped) {
            // Nobody is there to ask: the occurrence is skipped, and the audit log says so and why.
            audit.system(locked.getClinic().getId(), "scheduler", "session-series.occurrence-skipped",
                    RECORD, locked.getId(), null);
            LOG.infof("Series %s: occurrence %d skipped, it clashes with session %s", locked.getId(), clash.index(),
                    clash.conflictingSessionId());
            notifications.occurrenceSkipped(locked.getClinic().getId(), locked.getCouple().getId(),
                    locked.getTherapist().getId(), locked.getId(), clash.index(), clash.start());
        }
        return locked.getNextIndex() - before - skipped.size();
    }

    /**
     * Creates the series' occurrences from its next index while they belong to it and start before {@code until}
     * (bounded series: all of them). Clashing ones are skipped and returned when {@code skip}, else refused.
     */
    private List<Clash> expand(SessionSeries s, Booking.Participants who, Instant until, boolean skip) {
        ZoneId zone = s.getClinic().getTimeZone();
        List<Clash> clashes = new ArrayList<>();
        while (s.includes(s.getNextIndex())) {
            int index = s.getNextIndex();
            SessionSlot slot = s.occurrence(index, zone);
            if (s.isOpenEnded() && index > 0 && !slot.start().isBefore(until)) {
                break;
            }
            if (skip && slot.start().isBefore(Instant.now())) {
                s.advance(); // the job never books the past (after a hold on joint sessions, say)
                continue;
            }
            var clash = booking.clash(who, slot, null);
            if (clash.isPresent()) {
                clashes.add(new Clash(index, slot.start(), slot.end(), clash.get().getId()));
            } else {
                TherapySession occurrence = new TherapySession(s.getClinic(), s.getCouple(), s.getTherapist(),
                        s.getPartner(), slot, s.getKind(), s.getModality(), s.getLocation(), s.getVideoLink());
                occurrence.belongTo(s, index);
                sessions.persist(occurrence);
                events.publish(occurrence, WebhookEvent.SESSION_SCHEDULED);
            }
            s.advance();
        }
        if (!clashes.isEmpty() && !skip) {
            throw clashes("Some occurrences clash with other sessions; nothing was booked. Move them, or send"
                    + " onConflict SKIP to book the others.", clashes);
        }
        return clashes;
    }

    private static void checkEnd(CreateSeriesRequest request, LocalDate firstDate) {
        if (request.until() != null && request.count() != null) {
            throw Problems.invalid("count", "body", "give until or count, not both");
        }
        if (request.until() != null) {
            if (request.until().isBefore(firstDate)) {
                throw Problems.invalid("until", "body", "must not be before the first occurrence");
            }
            if (request.until().isAfter(firstDate.plusYears(2))) {
                throw Problems.invalid("until", "body", "must be within two years of the first occurrence");
            }
        }
    }

    private static HttpProblem clashes(String detail, List<Clash> clashes) {
        return HttpProblem.builder()
                .withType(Problems.type("schedule-conflict"))
                .withStatus(409)
                .withTitle("Schedule Conflict")
                .withDetail(detail)
                .with("clashes", clashes)
                .with("conflictingSessionId", clashes.get(0).conflictingSessionId())
                .build();
    }

    private int occurrenceIndex(SessionSeries s, UUID sessionId) {
        TherapySession occurrence = sessions.findVisible(access.reach(), sessionId)
                .filter(o -> o.getSeries() != null && o.getSeries().getId().equals(s.getId()))
                .orElseThrow(() -> Problems.invalid("fromSessionId", "body", "is not an occurrence of this series"));
        return occurrence.getSeriesIndex();
    }

    private Instant horizon() {
        return Instant.now().plus(Duration.ofDays(7L * config.horizonWeeks()));
    }

    private static Booking.Participants participants(SessionSeries s) {
        return new Booking.Participants(s.getCouple(), s.getTherapist(), s.getPartner(), s.getKind());
    }

    private SessionSeries load(UUID id) {
        return series.findVisible(access.reach(), id).orElseThrow(() -> Problems.notFound(RECORD));
    }

    private SeriesResponse toResponse(SessionSeries s, List<Clash> skipped) {
        return SessionMapper.toResponse(s, sessions.inSeriesFrom(s.getId(), 0), skipped,
                openFlags.countFor(s.getCouple().getId()) > 0, cipher);
    }
}
