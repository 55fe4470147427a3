package org.tandem.checkin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.common.PastDay;
import org.tandem.audit.AuditLog;
import org.tandem.checkin.CheckInApi.Adherence;
import org.tandem.checkin.CheckInApi.CheckInRequest;
import org.tandem.checkin.CheckInApi.CheckInResponse;
import org.tandem.checkin.CheckInApi.Content;
import org.tandem.checkin.CheckInApi.CoupleCheckIns;
import org.tandem.clinic.Clinic;
import org.tandem.common.InvalidField;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Versions;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.Partner;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;
import org.tandem.security.AccessPolicy;
import org.tandem.security.PartnerBindings;

/**
 * Daily check-ins: each partner writes their own, for today or the days just before, and chooses whether the other
 * partner may read it; the couple's therapists read all of them with each partner's adherence; an admin sees how
 * many there are, never a word. The words are sealed; reads and writes are audited.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class CheckInService {

    static final String RECORD = "check-in";
    /** How far back a partner may still write a day's check-in (a missed evening, a weekend away). */
    static final int DAYS_BACK = 7;
    /** The longest period one read covers. */
    static final int MAX_DAYS = 92;
    private static final String PURPOSE = SealedColumn.CHECK_IN_CONTENT.purpose();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;
    private final CoupleRepository couples;
    private final AccessPolicy access;
    private final ClinicCipher cipher;
    private final AuditLog audit;

    /** The partner writes (or rewrites) their check-in of {@code day}; If-Match is 0 for a new one. */
    public CheckInResponse write(LocalDate day, long expectedVersion, CheckInRequest request) {
        PartnerBindings.Bound me = access.me();
        LocalDate today = today(me.clinicId());
        PastDay.requireNotAfter(day, today, "day");
        if (day.isBefore(today.minusDays(DAYS_BACK))) {
            throw new InvalidField("day", "may be at most " + DAYS_BACK + " days ago");
        }
        CheckIn checkIn = locked(me.partnerId(), day);
        Versions.requireCurrent(expectedVersion, checkIn == null ? 0 : checkIn.getVersion());
        if (checkIn == null) {
            checkIn = new CheckIn(me.clinicId(), me.coupleId(), me.partnerId(), day);
        }
        Content content = new Content(request.feelings().strip(), blankToNull(request.affirmation()),
                blankToNull(request.needs()), blankToNull(request.ownership()), blankToNull(request.sobriety()));
        checkIn.write(cipher.sealerFor(me.clinicId()).seal(PURPOSE, checkIn.getId(), json(content)),
                request.shared());
        if (checkIn.getVersion() == 0 && !em.contains(checkIn)) {
            em.persist(checkIn);
        }
        em.flush();
        audit.success("check-in.write", RECORD, checkIn.getId());
        return view(checkIn, true);
    }

    /** The partner's own check-ins and those the other partner shared, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CheckInResponse> mine(LocalDate from, LocalDate to) {
        PartnerBindings.Bound me = access.me();
        LocalDate[] period = period(from, to, today(me.clinicId()));
        List<CheckIn> found = em.createQuery("from CheckIn where coupleId = :couple and day between :from and :to"
                + " and (partnerId = :me or shared = true) order by day desc, partnerId", CheckIn.class)
                .setParameter("couple", me.coupleId()).setParameter("from", period[0]).setParameter("to", period[1])
                .setParameter("me", me.partnerId()).getResultList();
        audit.success("check-in.list-own", "partner", me.partnerId());
        return found.stream().map(c -> view(c, true)).toList();
    }

    /** The couple's check-ins and each partner's adherence, for the couple's therapists (an admin: counts only). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CoupleCheckIns forCouple(UUID coupleId, LocalDate from, LocalDate to) {
        Couple couple = couples.requireVisibleWithPartners(access.reach(), coupleId);
        LocalDate[] period = period(from, to, LocalDate.now(couple.getClinic().getTimeZone()));
        List<CheckIn> found = em.createQuery("from CheckIn where coupleId = :couple and day between :from and :to"
                + " order by day desc, partnerId", CheckIn.class).setParameter("couple", coupleId)
                .setParameter("from", period[0]).setParameter("to", period[1]).getResultList();
        LocalDate start = couple.getCareStartedOn() != null && couple.getCareStartedOn().isAfter(period[0])
                ? couple.getCareStartedOn() : period[0];
        int days = start.isAfter(period[1]) ? 0 : (int) ChronoUnit.DAYS.between(start, period[1]) + 1;
        List<Adherence> adherence = new ArrayList<>();
        for (Partner p : couple.getPartners()) {
            int checkedIn = (int) found.stream().filter(c -> c.getPartnerId().equals(p.getId())
                    && !c.getDay().isBefore(start)).count();
            adherence.add(new Adherence(p.getId(), days, checkedIn, days == 0 ? 0 : (double) checkedIn / days));
        }
        boolean words = access.seesClinicalText();
        audit.success("check-in.list", "couple", coupleId);
        return new CoupleCheckIns(coupleId, period[0], period[1], adherence,
                found.stream().map(c -> view(c, words)).toList());
    }

    private CheckIn locked(UUID partnerId, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<byte[]> ids = em.createNativeQuery("select id from check_in where partner_id = ?1 and day = ?2"
                + " for update").setParameter(1, BinaryUuids.bytes(partnerId))
                .setParameter(2, java.sql.Date.valueOf(day)).getResultList();
        return ids.isEmpty() ? null : em.find(CheckIn.class, BinaryUuids.of(ids.get(0)));
    }

    private CheckInResponse view(CheckIn c, boolean words) {
        Content content = words ? content(c) : new Content(null, null, null, null, null);
        return new CheckInResponse(c.getId(), c.getPartnerId(), c.getDay(), content.feelings(),
                content.affirmation(), content.needs(), content.ownership(), content.sobriety(), c.isShared(),
                c.getUpdatedAt(), c.getVersion());
    }

    private Content content(CheckIn c) {
        try {
            return JSON.readValue(c.open(cipher, PURPOSE), Content.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A check-in's sealed words are not what this version wrote", e);
        }
    }

    private static String json(Content content) {
        try {
            return JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a check-in", e);
        }
    }

    /** The period asked for: to defaults to today, from to two weeks before it; at most MAX_DAYS. */
    private static LocalDate[] period(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.minusDays(13);
        if (end.isBefore(start)) {
            throw Problems.invalid("to", "query", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw Problems.invalid("to", "query", "must be less than " + MAX_DAYS + " days after from");
        }
        return new LocalDate[] {start, end};
    }

    private LocalDate today(UUID clinicId) {
        return LocalDate.now(em.find(Clinic.class, clinicId).getTimeZone());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
