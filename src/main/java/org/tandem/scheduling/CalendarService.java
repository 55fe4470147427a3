package org.tandem.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.apache.commons.codec.digest.DigestUtils;
import org.tandem.audit.AuditLog;
import org.tandem.common.web.Problems;
import org.tandem.scheduling.SchedulingApi.CalendarFeedResponse;
import org.tandem.scheduling.SchedulingApi.ClinicFeedResponse;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;
import org.tandem.security.PartnerBindings;
import org.tandem.therapist.Therapist;
import org.tandem.therapist.TherapistRef;
import org.tandem.therapist.TherapistRepository;

/**
 * iCalendar (RFC 5545) through ical4j: a therapist's private feed behind a secret, revocable URL, and single-session
 * downloads. Events name the couple by its code and the kind of session, never a person or anything clinical.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class CalendarService {

    public static final String TEXT_CALENDAR = "text/calendar;charset=utf-8";
    static final Duration FEED_PAST = Duration.ofDays(30);
    static final Duration FEED_FUTURE = Duration.ofDays(400);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeedRepository feeds;
    private final SessionRepository sessions;
    private final TherapistRepository therapists;
    private final Caller caller;
    private final AccessPolicy access;
    private final PartnerBindings partners;
    private final AuditLog audit;

    /** A new secret URL for the calling therapist; the previous one stops working at once. */
    public CalendarFeedResponse rotate(String baseUrl) {
        UUID therapistId = ownTherapistId();
        String token = newToken();
        CalendarFeed feed = feeds.findByIdOptional(therapistId).orElse(null);
        if (feed == null) {
            feed = new CalendarFeed(therapistId, hash(token));
            feeds.persist(feed);
        } else {
            feed.rotate(hash(token));
        }
        feeds.flush();
        audit.success("calendar-feed.rotate", "therapist", therapistId);
        return new CalendarFeedResponse(baseUrl + "/api/v1/calendar-feeds/" + token + ".ics", feed.getCreatedAt());
    }

    /** Whether the calling therapist has a feed. The URL itself is shown only once, when it is made. */
    public Optional<Instant> feedCreatedAt() {
        return feeds.findByIdOptional(ownTherapistId()).map(CalendarFeed::getCreatedAt);
    }

    public void revoke() {
        UUID therapistId = ownTherapistId();
        feeds.findByIdOptional(therapistId).ifPresent(feeds::delete);
        audit.success("calendar-feed.revoke", "therapist", therapistId);
    }

    /** The clinic's calendar feeds, oldest first: for an admin, to see who has one (the URLs are never shown). */
    public List<ClinicFeedResponse> clinicFeeds() {
        UUID clinicId = caller.clinicId();
        List<CalendarFeed> all = feeds.list("therapistId in (select t.id from Therapist t where t.clinic.id = ?1)"
                + " order by createdAt", clinicId);
        Map<UUID, Therapist> owners = therapists.findAllInClinic(clinicId,
                all.stream().map(CalendarFeed::getTherapistId).toList()).stream()
                .collect(Collectors.toMap(Therapist::getId, t -> t));
        audit.success("calendar-feed.list", "therapist", null);
        return all.stream().map(f -> new ClinicFeedResponse(TherapistRef.of(owners.get(f.getTherapistId())),
                f.getCreatedAt())).toList();
    }

    /**
     * An admin revokes a therapist's feed (someone who left, a URL that leaked): it answers 404 from now on. A
     * therapist of another clinic, or one without a feed, is not found.
     */
    public void revokeFor(UUID therapistId) {
        Therapist therapist = therapists.findInClinic(caller.clinicId(), therapistId)
                .orElseThrow(() -> Problems.notFound("therapist"));
        CalendarFeed feed = feeds.findByIdOptional(therapist.getId())
                .orElseThrow(() -> Problems.notFound("calendar feed"));
        feeds.delete(feed);
        audit.success("calendar-feed.revoke", "therapist", therapistId);
    }

    /** A new secret URL for the calling partner's own sessions; the previous one stops working at once. */
    public CalendarFeedResponse rotateMine(String baseUrl) {
        UUID partnerId = access.me().partnerId();
        String token = newToken();
        PartnerCalendarFeed feed = feeds.partnerFeed(partnerId).orElse(null);
        if (feed == null) {
            feed = new PartnerCalendarFeed(partnerId, hash(token));
            feeds.getEntityManager().persist(feed);
        } else {
            feed.rotate(hash(token));
        }
        feeds.flush();
        audit.success("calendar-feed.rotate", "partner", partnerId);
        return new CalendarFeedResponse(baseUrl + "/api/v1/calendar-feeds/" + token + ".ics", feed.getCreatedAt());
    }

    public Optional<Instant> myFeedCreatedAt() {
        return feeds.partnerFeed(access.me().partnerId()).map(PartnerCalendarFeed::getCreatedAt);
    }

    public void revokeMine() {
        UUID partnerId = access.me().partnerId();
        feeds.partnerFeed(partnerId).ifPresent(feeds.getEntityManager()::remove);
        audit.success("calendar-feed.revoke", "partner", partnerId);
    }

    /**
     * The feed behind a secret token: a therapist's, or a partner's while their account works. An unknown or
     * revoked token is simply not found.
     */
    public String feed(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw Problems.notFound("calendar feed");
        }
        CalendarFeed feed = feeds.findByTokenHash(hash(token)).orElse(null);
        if (feed == null) {
            return partnerFeed(token);
        }
        Therapist therapist = therapists.findById(feed.getTherapistId());
        Instant now = Instant.now();
        List<TherapySession> events = sessions.forTherapist(therapist.getId(), now.minus(FEED_PAST),
                now.plus(FEED_FUTURE));
        audit.system(therapist.getClinic().getId(), "calendar-feed", "calendar-feed.read", "therapist",
                therapist.getId(), caller.clientAddress());
        return calendar(events);
    }

    private String partnerFeed(String token) {
        PartnerCalendarFeed feed = feeds.partnerFeedByTokenHash(hash(token))
                .filter(f -> partners.active(f.getPartnerId()))
                .orElseThrow(() -> Problems.notFound("calendar feed"));
        Instant now = Instant.now();
        List<TherapySession> events = sessions.forPartnerBetween(feed.getPartnerId(), now.minus(FEED_PAST),
                now.plus(FEED_FUTURE));
        UUID clinicId = feeds.getEntityManager().find(org.tandem.couple.Partner.class, feed.getPartnerId())
                .getCouple().getClinic().getId();
        audit.system(clinicId, "calendar-feed", "calendar-feed.read", "partner", feed.getPartnerId(),
                caller.clientAddress());
        return calendar(events, CalendarService::partnerSummary);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String single(TherapySession session) {
        return calendar(List.of(session));
    }

    private static String calendar(List<TherapySession> sessions) {
        return calendar(sessions, CalendarService::summary);
    }

    private static String calendar(List<TherapySession> sessions,
            java.util.function.Function<TherapySession, String> summary) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Tandem//Scheduling//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        for (TherapySession s : sessions) {
            VEvent event = new VEvent(s.getStartsAt(), s.getEndsAt(), summary.apply(s));
            event.add(new Uid(s.getId() + "@tandem"));
            event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, s.getVersion())));
            event.add(new Location(s.getModality() == Modality.TELEHEALTH ? "Telehealth"
                    : (s.getLocation() == null ? "In person" : s.getLocation())));
            event.add(new Status(s.getStatus() == SessionStatus.CANCELLED ? Status.VALUE_CANCELLED
                    : Status.VALUE_CONFIRMED));
            calendar.add(event);
        }
        return calendar.toString();
    }

    /** Identifies the appointment without identifying anyone: the couple's code and the kind of session. */
    static String summary(TherapySession s) {
        String kind = switch (s.getKind()) {
            case JOINT -> "Joint session";
            case INDIVIDUAL -> "Individual session (partner " + s.getPartner().getSeat() + ")";
            case INTAKE -> "Intake";
        };
        return s.getCouple().getCode() + " · " + kind;
    }

    /** A partner's own calendar: what kind of session, nothing about the couple or the other partner. */
    static String partnerSummary(TherapySession s) {
        return switch (s.getKind()) {
            case JOINT -> "Couples session";
            case INDIVIDUAL -> "Individual session";
            case INTAKE -> "Intake";
        };
    }

    private UUID ownTherapistId() {
        return caller.therapistId().orElseThrow(() -> Problems.forbidden("forbidden",
                "Only therapists have a calendar feed."));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return DigestUtils.sha256Hex(token);
    }
}
