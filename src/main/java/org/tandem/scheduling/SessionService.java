package org.tandem.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import static org.tandem.common.Text.blankToNull;

import lombok.RequiredArgsConstructor;
import org.tandem.crypto.ClinicCipher;
import org.tandem.audit.AuditLog;
import org.tandem.common.persistence.Paged;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Versions;
import org.tandem.couple.OpenSafetyFlags;
import org.tandem.couple.Couple;
import org.tandem.consent.FirstSessionConsents;
import org.tandem.couple.CoupleRepository;
import org.tandem.scheduling.SchedulingApi.CancelRequest;
import org.tandem.scheduling.SchedulingApi.CreateSessionRequest;
import org.tandem.scheduling.SchedulingApi.RescheduleEntry;
import org.tandem.scheduling.SchedulingApi.RescheduleRequest;
import org.tandem.scheduling.SchedulingApi.SessionResponse;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;
import org.tandem.security.PartnerBindings;
import org.tandem.webhook.WebhookEvent;

/** Single sessions: booking, reading, and their lifecycle. Every read and change is audited. */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class SessionService {

    static final String RECORD = "session";

    private final SessionRepository sessions;
    private final CoupleRepository couples;
    private final Booking booking;
    private final CalendarService calendars;
    private final Caller caller;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final SessionEvents events;
    private final OpenSafetyFlags openFlags;
    private final FirstSessionConsents consents;
    private final ClinicCipher cipher;

    public SessionResponse create(CreateSessionRequest request) {
        Booking.Participants who = booking.participantsFor(access.reach(), request.coupleId(), request.therapistId(),
                request.kind(), request.partnerId());
        Couple couple = who.couple();
        ZoneId zone = couple.getClinic().getTimeZone();
        SessionSlot slot = new SessionSlot(ClinicTime.parse(request.start(), zone, "start"),
                ClinicTime.parse(request.end(), zone, "end"));
        Booking.checkLength(slot, "end");
        booking.lock(who);
        booking.requireFree(who, slot, null);
        TherapySession session = new TherapySession(couple.getClinic(), couple, who.therapist(), who.partner(), slot,
                request.kind(), request.modality(), blankToNull(request.location()), blankToNull(request.videoLink()));
        sessions.persist(session);
        sessions.flush();
        audit.success("session.create", RECORD, session.getId());
        publish(session, WebhookEvent.SESSION_SCHEDULED);
        return SessionMapper.toResponse(session, openFlags.countFor(couple.getId()) > 0, cipher);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionResponse get(UUID id) {
        SessionRepository.Shown shown = load(id);
        audit.success("session.read", RECORD, id);
        return toResponse(shown);
    }

    /** The session as an iCalendar file. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String ics(UUID id) {
        // The calendar file does not show the safety flag, so it skips load()'s count.
        TherapySession session = sessions.findVisible(access.reach(), id).orElseThrow(() -> Problems.notFound(RECORD));
        audit.success("session.read-ics", RECORD, id);
        return calendars.single(session);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<SessionResponse> list(SessionRepository.Filter filter, PageQuery page) {
        Paged<Object[]> rows = sessions.searchRows(access.reach(), filter, page);
        Map<UUID, List<RescheduleEntry>> reschedules = sessions.reschedulesOf(
                rows.rows().stream().map(r -> (UUID) r[0]).toList()).stream()
                .collect(Collectors.groupingBy(r -> (UUID) r[0], Collectors.mapping(SessionMapper::reschedule,
                        Collectors.toList())));
        audit.success("session.list", RECORD, filter.coupleId());
        return PageResponse.of(rows.rows(), r -> SessionMapper.fromListRow(r,
                reschedules.getOrDefault((UUID) r[0], List.of()), cipher), page, rows.total());
    }

    /** A couple's sessions: 404 when the couple is not the caller's, rather than an empty list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<SessionResponse> listForCouple(UUID coupleId, SessionRepository.Filter filter, PageQuery page) {
        couples.requireVisible(access.reach(), coupleId);
        return list(new SessionRepository.Filter(filter.from(), filter.to(), filter.status(), filter.kind(),
                filter.therapistId(), coupleId), page);
    }

    /** The calling partner's sessions that have not ended (see {@link SessionRepository#forPartner}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SchedulingApi.MySessionResponse> upcomingForMe() {
        PartnerBindings.Bound me = access.me();
        List<SchedulingApi.MySessionResponse> mine = sessions.forPartner(me.coupleId(), me.partnerId(), Instant.now(),
                100).stream().map(SessionMapper::toMine).toList();
        audit.success("session.list-mine", "partner", me.partnerId());
        return mine;
    }

    public SessionResponse reschedule(UUID id, long expectedVersion, RescheduleRequest request) {
        SessionRepository.Shown shown = load(id);
        TherapySession session = shown.session();
        Versions.requireCurrent(expectedVersion, session.getVersion());
        ZoneId zone = session.getClinic().getTimeZone();
        SessionSlot slot = new SessionSlot(ClinicTime.parse(request.start(), zone, "start"),
                ClinicTime.parse(request.end(), zone, "end"));
        Booking.checkLength(slot, "end");
        Booking.Participants who = new Booking.Participants(session.getCouple(), session.getTherapist(),
                session.getPartner(), session.getKind());
        booking.lock(who);
        booking.requireFree(who, slot, session.getId());
        session.reschedule(slot, caller.subject());
        publish(session, WebhookEvent.SESSION_RESCHEDULED);
        return saved(shown, "session.reschedule");
    }

    public SessionResponse cancel(UUID id, long expectedVersion, CancelRequest request) {
        SessionRepository.Shown shown = load(id);
        TherapySession session = shown.session();
        Versions.requireCurrent(expectedVersion, session.getVersion());
        session.cancel(request.cancelledBy(), blankToNull(request.reason()),
                cipher.sealerFor(session.getClinic().getId()), Instant.now(),
                session.getClinic().getLateCancelWindow());
        publish(session, WebhookEvent.SESSION_CANCELLED);
        return saved(shown, "session.cancel");
    }

    public SessionResponse complete(UUID id, long expectedVersion) {
        SessionRepository.Shown shown = load(id);
        TherapySession session = shown.session();
        Versions.requireCurrent(expectedVersion, session.getVersion());
        if (!sessions.hasOtherCompleted(session.getCouple().getId(), id)) {
            consents.require(session.getCouple());
        }
        session.complete(Instant.now());
        publish(session, WebhookEvent.SESSION_COMPLETED);
        return saved(shown, "session.complete");
    }

    public SessionResponse noShow(UUID id, long expectedVersion) {
        SessionRepository.Shown shown = load(id);
        TherapySession session = shown.session();
        Versions.requireCurrent(expectedVersion, session.getVersion());
        session.markNoShow(Instant.now());
        return saved(shown, "session.no-show");
    }

    private void publish(TherapySession s, WebhookEvent event) {
        events.publish(s, event);
    }

    private SessionResponse saved(SessionRepository.Shown shown, String action) {
        sessions.flush();
        audit.success(action, RECORD, shown.session().getId());
        return toResponse(shown);
    }

    private SessionRepository.Shown load(UUID id) {
        // Integrations reach only the operations their scopes open (AccessRules); roles gate the rest.
        return sessions.findShown(access.reach(), id).orElseThrow(() -> Problems.notFound(RECORD));
    }

    private SessionResponse toResponse(SessionRepository.Shown shown) {
        return SessionMapper.toResponse(shown.session(), shown.flagged(), cipher);
    }
}
