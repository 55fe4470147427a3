package org.tandem.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.tandem.treatmentplan.TreatmentPlanApi.Measure;
import org.tandem.treatmentplan.TreatmentPlanApi.ObjectiveProgress;
import org.tandem.recovery.RecoveryStageApi.CurrentStage;
import org.tandem.recovery.RecoveryStageReads;
import org.tandem.treatmentplan.TreatmentPlanReads;
import org.tandem.audit.AuditLog;
import org.tandem.boundary.BoundaryReviewReads;
import org.tandem.common.web.Problems;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.Partner;
import org.tandem.couple.RecoveryRole;
import org.tandem.exercise.AdherenceReads;
import org.tandem.measurement.Metric;
import org.tandem.measurement.RatingReads;
import org.tandem.measurement.RatingReads.Rating;
import org.tandem.progress.ProgressApi.BoundaryDue;
import org.tandem.progress.ProgressApi.Kind;
import org.tandem.progress.ProgressApi.PartnerProgress;
import org.tandem.progress.ProgressApi.Point;
import org.tandem.progress.ProgressApi.ProgressResponse;
import org.tandem.progress.ProgressApi.Streaks;
import org.tandem.progress.ProgressApi.Trend;
import org.tandem.questionnaire.Instrument;
import org.tandem.questionnaire.QuestionnaireResponse;
import org.tandem.questionnaire.QuestionnaireReads;
import org.tandem.scheduling.AttendanceReads;
import org.tandem.security.AccessPolicy;
import org.tandem.sobriety.SobrietyApi.SobrietyResponse;
import org.tandem.sobriety.StreakReads;

/**
 * A couple's progress over a period, assembled from what each feature stores: rating and questionnaire trends with
 * reliable change, sobriety streaks, exercise adherence, attendance, boundary reviews due and safety flags. Read
 * only; one audit event per summary.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class ProgressService {

    /** Without from: a year before to, or the start of care if later. */
    static final int DEFAULT_DAYS = 365;

    // Each other feature is read through the small interface it publishes for this summary.
    private final CoupleRepository couples;
    private final RatingReads ratings;
    private final QuestionnaireReads questionnaires;
    private final StreakReads sobriety;
    private final AdherenceReads assignments;
    private final AttendanceReads sessions;
    private final BoundaryReviewReads boundaries;
    private final TreatmentPlanReads plans;
    private final RecoveryStageReads stages;
    private final ProgressConfig config;
    private final AccessPolicy access;
    private final AuditLog audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProgressResponse summary(UUID coupleId, LocalDate from, LocalDate to) {
        Couple couple = couples.requireVisibleWithPartners(access.reach(), coupleId);
        ZoneId zone = couple.getClinic().getTimeZone();
        LocalDate today = LocalDate.now(zone);
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : defaultFrom(couple, end);
        if (end.isBefore(start)) {
            throw Problems.invalid("to", "query", "must not be before from");
        }
        int maxDays = config.maxRangeDays();
        if (ChronoUnit.DAYS.between(start, end) > maxDays) {
            throw Problems.invalid("to", "query", "must be at most " + maxDays + " days after from");
        }

        List<Rating> ratings = this.ratings.ratings(coupleId, start, end);
        Map<String, Metric> metricByKey = this.ratings.metricsIncluding(couple.getClinic().getId(),
                ratings.stream().map(Rating::metricKey).collect(Collectors.toSet()));
        List<QuestionnaireResponse> answered = questionnaires.responses(coupleId, start, end);

        List<PartnerProgress> partners = new ArrayList<>();
        Map<UUID, CurrentStage> stageNow = stages.current(coupleId);
        for (Partner p : couple.getPartners()) {
            partners.add(new PartnerProgress(p.getId(), p.getSeat(), p.getRecoveryRole(), stageNow.get(p.getId()),
                    ratingTrends(ratings, p.getId(), metricByKey), questionnaireTrends(answered, p.getId()),
                    streaks(p, start, end, today)));
        }
        LocalDate reviewsUntil = end.isAfter(today) ? end : today;
        List<BoundaryDue> due = boundaries.reviewsDue(coupleId, reviewsUntil).stream()
                .map(b -> new BoundaryDue(b.getId(), b.getNextReviewOn(), b.getNextReviewOn().isBefore(today)))
                .toList();
        List<Trend> coupleTrends = ratingTrends(ratings, null, metricByKey);
        ProgressResponse response = new ProgressResponse(coupleId, start, end, partners, coupleTrends,
                assignments.adherenceForCouple(coupleId, start, end, today),
                sessions.attendance(coupleId, start.atStartOfDay(zone).toInstant(),
                        end.plusDays(1).atStartOfDay(zone).toInstant()),
                due,
                questionnaires.flagsOpenOrRaisedSince(coupleId, start.atStartOfDay(zone).toInstant()),
                objectives(coupleId, partners, coupleTrends),
                Instant.now());
        audit.success("progress.read", "couple", coupleId);
        return response;
    }

    /** The default start of a period ending {@code end}: a year before, or the start of care if later. */
    public static LocalDate defaultFrom(Couple couple, LocalDate end) {
        LocalDate yearBefore = end.minusDays(DEFAULT_DAYS);
        LocalDate care = couple.getCareStartedOn();
        return care != null && care.isAfter(yearBefore) && !care.isAfter(end) ? care : yearBefore;
    }

    /** One trend per metric and source: a therapist's rating and a self-report are different instruments. */
    private static List<Trend> ratingTrends(List<Rating> all, UUID partnerId, Map<String, Metric> metrics) {
        Map<String, List<Rating>> groups = all.stream()
                .filter(m -> Objects.equals(m.partnerId(), partnerId) && metrics.containsKey(m.metricKey()))
                .collect(Collectors.groupingBy(m -> m.metricKey() + "|" + m.source(), LinkedHashMap::new,
                        Collectors.toList()));
        return groups.values().stream().map(list -> {
            Rating first = list.get(0);
            Metric metric = metrics.get(first.metricKey());
            List<Point> series = list.stream()
                    .map(m -> new Point(m.measuredOn(), m.value().doubleValue(), null)).toList();
            return Trends.of(metric.key(), metric.name(), Kind.RATING, first.source(), metric.norms(), series);
        }).sorted(Comparator.comparing(Trend::key).thenComparing(Trend::source)).toList();
    }

    private List<Trend> questionnaireTrends(List<QuestionnaireResponse> all, UUID partnerId) {
        Map<String, List<QuestionnaireResponse>> groups = all.stream()
                .filter(r -> r.getPartnerId().equals(partnerId))
                .collect(Collectors.groupingBy(QuestionnaireResponse::getInstrumentKey, LinkedHashMap::new,
                        Collectors.toList()));
        return groups.values().stream().map(list -> {
            Instrument instrument = questionnaires.instrument(list.get(0));
            List<Point> series = list.stream().map(r -> {
                Instrument.Score s = instrument.score(r.answers());
                return new Point(r.getCompletedOn(), s.total(), s.band());
            }).toList();
            return Trends.of(instrument.key(), instrument.name(), Kind.QUESTIONNAIRE, null, instrument.norms(),
                    series);
        }).sorted(Comparator.comparing(Trend::key)).toList();
    }

    /**
     * Each measured objective of the treatment plan against the latest value of its metric or instrument in the
     * period (any source); the objective's words for the couple's therapists only.
     */
    private List<ObjectiveProgress> objectives(UUID coupleId, List<PartnerProgress> partners, List<Trend> couple) {
        boolean words = access.seesClinicalText();
        return plans.measuredObjectives(coupleId).stream().map(m -> {
            Measure measure = m.objective().measure();
            List<Trend> trends = measure.partnerId() == null ? couple : partners.stream()
                    .filter(p -> p.partnerId().equals(measure.partnerId()))
                    .flatMap(p -> java.util.stream.Stream.concat(p.ratings().stream(), p.questionnaires().stream()))
                    .toList();
            Point latest = trends.stream().filter(t -> t.key().equals(measure.key()) && t.latest() != null)
                    .map(Trend::latest).max(Comparator.comparing(Point::date)).orElse(null);
            return new ObjectiveProgress(m.path(), words ? m.objective().text() : null, measure.key(),
                    measure.partnerId(), measure.comparator(), measure.target(), m.objective().targetDate(),
                    latest == null ? null : latest.value(), latest == null ? null : latest.date(),
                    latest == null ? null : measure.comparator().met(latest.value(), measure.target()));
        }).toList();
    }

    private Streaks streaks(Partner p, LocalDate start, LocalDate end, LocalDate today) {
        if (p.getRecoveryRole() != RecoveryRole.IN_RECOVERY) {
            return null;
        }
        SobrietyResponse s = sobriety.streaks(p, end.isAfter(today) ? today : end);
        int inPeriod = (int) s.resets().stream()
                .filter(r -> !r.date().isBefore(start) && !r.date().isAfter(end)).count();
        return new Streaks(s.sobrietyDate(), s.currentStreakStart(), s.currentStreakDays(), s.longestStreakDays(),
                inPeriod);
    }
}
