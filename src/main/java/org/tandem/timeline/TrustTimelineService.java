package org.tandem.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.Partner;
import org.tandem.progress.ProgressApi.PartnerProgress;
import org.tandem.progress.ProgressApi.Point;
import org.tandem.progress.ProgressApi.ProgressResponse;
import org.tandem.progress.ProgressApi.Trend;
import org.tandem.progress.ProgressConfig;
import org.tandem.progress.ProgressService;
import org.tandem.security.AccessPolicy;
import org.tandem.sobriety.SobrietyApi.ResetResponse;
import org.tandem.sobriety.SobrietyApi.SobrietyResponse;
import org.tandem.sobriety.StreakReads;
import org.tandem.timeline.TimelineApi.TimelineEventType;
import org.tandem.timeline.TimelineApi.TimelinePartner;
import org.tandem.timeline.TimelineApi.TimelineEvent;
import org.tandem.timeline.TimelineApi.TrustTimeline;

/**
 * One couple's trust timeline: discovery, disclosure, polygraphs, letters, boundary agreements and breaks, slips and
 * relapses, recovery stages, and the trust ratings and CSI-16 scores over the period (from the progress summary,
 * whose period rules it shares), oldest first, with each partner's stage and sobriety streak now. Categories, dates
 * and numbers only; an admin sees no polygraph outcome.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
@RequiredArgsConstructor
public class TrustTimelineService {

    static final String TRUST = "trust";
    static final String CSI_16 = "csi-16";

    private final CoupleRepository couples;
    private final ProgressService progress;
    private final StreakReads sobriety;
    private final Instance<TimelineSource> sources;
    private final ProgressConfig config;
    private final AccessPolicy access;
    private final AuditLog audit;

    /** The timeline and the couple it is of (the PDF prints its code and clinic). */
    public record Shown(TrustTimeline timeline, Couple couple) {
    }

    public Shown timeline(UUID coupleId, LocalDate from, LocalDate to) {
        Couple couple = couples.requireVisibleWithPartners(access.reach(), coupleId);
        ZoneId zone = couple.getClinic().getTimeZone();
        LocalDate today = LocalDate.now(zone);
        ProgressResponse summary = progress.summary(coupleId, from != null ? from : defaultFrom(couple,
                to != null ? to : today), to);
        boolean clinical = access.seesClinicalText();
        List<TimelineEvent> events = new ArrayList<>();
        for (TimelineSource source : sources) {
            events.addAll(source.events(coupleId, summary.from(), summary.to(), zone, clinical));
        }
        List<TimelinePartner> partners = new ArrayList<>();
        for (PartnerProgress p : summary.partners()) {
            for (Trend t : p.ratings()) {
                if (TRUST.equals(t.key())) {
                    points(events, t, TimelineEventType.TRUST_RATING, p.partnerId(), false);
                }
            }
            for (Trend t : p.questionnaires()) {
                if (CSI_16.equals(t.key())) {
                    points(events, t, TimelineEventType.CSI_16, p.partnerId(), true);
                }
            }
            Partner partner = couple.findPartner(p.partnerId()).orElseThrow();
            SobrietyResponse streaks = partner.getSobrietyDate() == null ? null
                    : sobriety.streaks(partner, today);
            if (streaks != null) {
                for (ResetResponse r : streaks.resets()) {
                    if (r.enteredInError() == null && !r.date().isBefore(summary.from())
                            && !r.date().isAfter(summary.to())) {
                        events.add(new TimelineEvent(r.date(), TimelineEventType.SOBRIETY_RESET, p.partnerId(), r.id(),
                                r.kind().name(), null, null));
                    }
                }
            }
            partners.add(new TimelinePartner(p.partnerId(), p.seat(), p.recoveryRole(), p.recoveryStage(),
                    streaks == null ? null : streaks.currentStreakStart(),
                    streaks == null ? null : streaks.currentStreakDays(),
                    streaks == null ? null : streaks.longestStreakDays()));
        }
        events.sort(Comparator.comparing(TimelineEvent::on).thenComparing(TimelineEvent::type));
        audit.success("trust-timeline.read", "couple", coupleId);
        return new Shown(new TrustTimeline(coupleId, summary.from(), summary.to(), partners, events, Instant.now()),
                couple);
    }

    /**
     * The progress summary's default period, reaching back to the day of discovery when that came before it (as
     * far as the longest period allows): the story starts there.
     */
    private LocalDate defaultFrom(Couple couple, LocalDate end) {
        LocalDate start = ProgressService.defaultFrom(couple, end);
        LocalDate limit = end.minusDays(config.maxRangeDays());
        for (TimelineSource source : sources) {
            LocalDate first = source.earliest(couple.getId()).orElse(null);
            if (first != null && first.isBefore(start) && !first.isAfter(end)) {
                start = first.isBefore(limit) ? limit : first;
            }
        }
        return start;
    }

    private static void points(List<TimelineEvent> events, Trend t, TimelineEventType type, UUID partnerId, boolean band) {
        for (Point point : t.series()) {
            events.add(new TimelineEvent(point.date(), type, partnerId, null, band ? point.band() : t.source().name(),
                    null, point.value()));
        }
    }
}
