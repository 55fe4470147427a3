package org.tandem.treatmentplan;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Versions;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.crypto.ClinicCipher;
import org.tandem.exercise.LibraryReads;
import org.tandem.measurement.Metric;
import org.tandem.measurement.RatingReads;
import org.tandem.questionnaire.InstrumentCatalog;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;
import org.tandem.security.PartnerBindings;
import org.tandem.treatmentplan.TreatmentPlanApi.Agreement;
import org.tandem.treatmentplan.TreatmentPlanApi.Goal;
import org.tandem.treatmentplan.TreatmentPlanApi.Intervention;
import org.tandem.treatmentplan.TreatmentPlanApi.Measure;
import org.tandem.treatmentplan.TreatmentPlanApi.Objective;
import org.tandem.treatmentplan.TreatmentPlanApi.PlanRequest;
import org.tandem.treatmentplan.TreatmentPlanApi.PlanResponse;
import org.tandem.treatmentplan.TreatmentPlanApi.Problem;
import org.tandem.treatmentplan.TreatmentPlanApi.ReviewDue;
import org.tandem.treatmentplan.TreatmentPlanApi.VersionResponse;
import org.tandem.webhook.Outbox;
import org.tandem.webhook.WebhookEvent;

/**
 * Treatment plans: the couple's therapists write, change and sign them; each partner reads the plan in force and
 * records agreement to it; an admin sees that a plan exists, its versions and review dates, not its words. Every
 * read and change is audited; webhook events carry ids and numbers only.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class TreatmentPlanService implements TreatmentPlanReads {

    static final String RECORD = "treatment plan";
    private static final String CONTENT = PlanWords.PURPOSE;
    static final int MAX_DAYS_AHEAD = 366;

    private final TreatmentPlanRepository plans;
    private final CoupleRepository couples;
    private final org.tandem.clinic.ClinicRepository clinics;
    private final RatingReads ratings;
    private final InstrumentCatalog instruments;
    private final LibraryReads library;
    private final ClinicCipher cipher;
    private final Caller caller;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Outbox outbox;
    private final ObjectMapper json;

    public PlanResponse create(UUID coupleId, PlanRequest request) {
        Couple couple = couple(coupleId);
        if (plans.ofCouple(coupleId).isPresent()) {
            throw Problems.conflict("treatment-plan-exists", "Treatment Plan Exists",
                    "The couple has a treatment plan; change it with PUT and If-Match.");
        }
        check(couple, request.problems());
        UUID clinicId = couple.getClinic().getId();
        ClinicCipher.Sealer sealer = cipher.sealerFor(clinicId);
        TreatmentPlan plan = new TreatmentPlan(clinicId, coupleId);
        TreatmentPlanVersion draft = plan.draft(request.reviewOn(), today(couple), caller.subject());
        draft.seal(sealer.seal(CONTENT, draft.getId(), write(request.problems())));
        plans.persist(plan);
        return saved(clinicId, plan, "treatment-plan.create", WebhookEvent.TREATMENT_PLAN_CHANGED);
    }

    /** New words: the draft changes, or a signed plan gets a new draft (the signed version stays in force). */
    public PlanResponse change(UUID coupleId, long expectedVersion, PlanRequest request) {
        Couple couple = couple(coupleId);
        TreatmentPlan plan = plans.lockOfCouple(coupleId).orElseThrow(() -> Problems.notFound(RECORD));
        Versions.requireCurrent(expectedVersion, plan.getVersion());
        check(couple, request.problems());
        UUID clinicId = couple.getClinic().getId();
        ClinicCipher.Sealer sealer = cipher.sealerFor(clinicId); // before the change, which a query would flush
        TreatmentPlanVersion draft = plan.draft(request.reviewOn(), today(couple), caller.subject());
        draft.seal(sealer.seal(CONTENT, draft.getId(), write(request.problems())));
        return saved(clinicId, plan, "treatment-plan.change", WebhookEvent.TREATMENT_PLAN_CHANGED);
    }

    /** The calling therapist signs the draft: locked, in force; the version signed before is superseded. */
    public PlanResponse sign(UUID coupleId, long expectedVersion) {
        Couple couple = couple(coupleId);
        TreatmentPlan plan = plans.lockOfCouple(coupleId).orElseThrow(() -> Problems.notFound(RECORD));
        Versions.requireCurrent(expectedVersion, plan.getVersion());
        plan.sign(caller.therapistId().orElseThrow());
        return saved(couple.getClinic().getId(), plan, "treatment-plan.sign", WebhookEvent.TREATMENT_PLAN_SIGNED);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanResponse get(UUID coupleId) {
        couple(coupleId);
        TreatmentPlan plan = plans.ofCouple(coupleId).orElseThrow(() -> Problems.notFound(RECORD));
        PlanResponse view = view(plan, access.seesClinicalText());
        audit.success("treatment-plan.read", RECORD, plan.getId());
        return view;
    }

    /** Plans due for review within {@code days} (overdue included) across the caller's couples. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewDue> reviewsDue(int days) {
        if (days < 0 || days > MAX_DAYS_AHEAD) {
            throw Problems.invalid("days", "query", "must be between 0 and " + MAX_DAYS_AHEAD);
        }
        var scope = access.reach();
        LocalDate today = LocalDate.now(clinics.findById(scope.clinicId()).getTimeZone());
        List<ReviewDue> list = plans.reviewsDue(scope, today.plusDays(days)).stream()
                .map(p -> new ReviewDue(p.getId(), p.getCoupleId(), p.getReviewOn(), p.getReviewOn().isBefore(today)))
                .toList();
        audit.success("treatment-plan.reviews-due", RECORD, null);
        return list;
    }

    /** The plan in force, as the calling partner reads it, with who has agreed to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VersionResponse mine() {
        PartnerBindings.Bound me = access.me();
        couples.requireVisible(access.reach(), me.coupleId());
        TreatmentPlanVersion inForce = inForce(me.coupleId());
        VersionResponse view = view(inForce, true);
        audit.success("treatment-plan.read-mine", RECORD, inForce.getId());
        return view;
    }

    /** The calling partner agrees to the plan in force; agreeing again changes nothing. */
    public VersionResponse agree() {
        PartnerBindings.Bound me = access.me();
        Couple couple = couples.requireVisible(access.reach(), me.coupleId());
        TreatmentPlan plan = plans.lockOfCouple(me.coupleId()).orElseThrow(() -> Problems.notFound(RECORD));
        TreatmentPlanVersion inForce = plan.inForce().orElseThrow(() -> Problems.conflict("plan-not-signed",
                "Plan Not Signed", "The treatment plan has no signed version to agree to yet."));
        if (plans.agreements(inForce.getId()).stream().noneMatch(a -> a.getPartnerId().equals(me.partnerId()))) {
            plans.persist(new TreatmentPlanAgreement(inForce.getId(), me.partnerId()));
            plans.flush();
            audit.success("treatment-plan.agree", RECORD, plan.getId(), "version " + inForce.getNumber());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("treatmentPlanId", plan.getId());
            data.put("coupleId", plan.getCoupleId());
            data.put("partnerId", me.partnerId());
            data.put("number", inForce.getNumber());
            outbox.publish(couple.getClinic().getId(), WebhookEvent.TREATMENT_PLAN_AGREED, data);
        }
        return view(inForce, true);
    }

    /** A demo couple's plan, written and signed by {@code therapist} (demo data only: no caller, no audit). */
    public void demo(Couple couple, UUID therapist, List<Problem> problems, LocalDate reviewOn) {
        UUID clinicId = couple.getClinic().getId();
        ClinicCipher.Sealer sealer = cipher.sealerFor(clinicId);
        TreatmentPlan plan = new TreatmentPlan(clinicId, couple.getId());
        TreatmentPlanVersion draft = plan.draft(reviewOn, reviewOn, "demo");
        draft.seal(sealer.seal(CONTENT, draft.getId(), write(problems)));
        plan.sign(therapist);
        plans.persist(plan);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Measured> measuredObjectives(UUID coupleId) {
        return plans.ofCouple(coupleId).map(plan -> {
            List<Problem> problems = words(plan.inForce().orElse(plan.latest()));
            List<Measured> measured = new ArrayList<>();
            for (int p = 0; p < problems.size(); p++) {
                List<Goal> goals = problems.get(p).goals();
                for (int g = 0; g < goals.size(); g++) {
                    List<Objective> objectives = goals.get(g).objectives();
                    for (int o = 0; o < objectives.size(); o++) {
                        if (objectives.get(o).measure() != null) {
                            measured.add(new Measured((p + 1) + "." + (g + 1) + "." + (o + 1), objectives.get(o)));
                        }
                    }
                }
            }
            return measured;
        }).orElse(List.of());
    }

    /** Measures name a metric or instrument the clinic has, and a partner of the couple; exercises its library. */
    private void check(Couple couple, List<Problem> problems) {
        UUID clinicId = couple.getClinic().getId();
        Set<String> metrics = ratings.metrics(clinicId).stream().map(Metric::key).collect(Collectors.toSet());
        for (Problem problem : problems) {
            for (Goal goal : problem.goals()) {
                for (Objective objective : goal.objectives()) {
                    Measure m = objective.measure();
                    if (m == null) {
                        continue;
                    }
                    boolean instrument = instruments.find(m.key()).isPresent();
                    if (!instrument && !metrics.contains(m.key())) {
                        throw Problems.invalid("measure.key", "body", "is neither a metric nor an instrument key");
                    }
                    if (m.partnerId() == null ? instrument : couple.findPartner(m.partnerId()).isEmpty()) {
                        throw Problems.invalid("measure.partnerId", "body", instrument
                                ? "must name the partner who answers the instrument" : "is not a partner of this couple");
                    }
                }
                for (Intervention intervention : goal.interventions()) {
                    if (intervention.exerciseId() != null && !library.isInLibrary(clinicId, intervention.exerciseId())) {
                        throw Problems.invalid("interventions.exerciseId", "body", "is not an exercise of the clinic");
                    }
                }
            }
        }
    }

    private PlanResponse saved(UUID clinicId, TreatmentPlan plan, String action, WebhookEvent event) {
        plans.flush();
        TreatmentPlanVersion latest = plan.latest();
        audit.success(action, RECORD, plan.getId(), "version " + latest.getNumber());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("treatmentPlanId", plan.getId());
        data.put("coupleId", plan.getCoupleId());
        data.put("number", latest.getNumber());
        data.put("status", latest.getStatus());
        outbox.publish(clinicId, event, data);
        return view(plan, true);
    }

    private PlanResponse view(TreatmentPlan plan, boolean withWords) {
        return new PlanResponse(plan.getId(), plan.getCoupleId(), view(plan.latest(), withWords),
                plan.inForce().map(TreatmentPlanVersion::getNumber).orElse(null),
                plan.getVersions().stream().map(v -> view(v, withWords)).toList(), plan.getVersion());
    }

    private VersionResponse view(TreatmentPlanVersion v, boolean withWords) {
        List<Agreement> agreements = plans.agreements(v.getId()).stream()
                .map(a -> new Agreement(a.getPartnerId(), a.getAgreedAt())).toList();
        return new VersionResponse(v.getNumber(), v.getStatus(), v.getReviewOn(), withWords ? words(v) : null,
                v.getCreatedAt(), v.getSignedAt(), v.getSignedBy(), agreements);
    }

    private List<Problem> words(TreatmentPlanVersion v) {
        return read(v.open(cipher, CONTENT));
    }

    private TreatmentPlanVersion inForce(UUID coupleId) {
        return plans.ofCouple(coupleId).flatMap(TreatmentPlan::inForce).orElseThrow(TreatmentPlanService::notSigned);
    }

    private static RuntimeException notSigned() {
        return Problems.notFound("signed treatment plan");
    }

    private Couple couple(UUID coupleId) {
        return couples.requireVisible(access.reach(), coupleId);
    }

    private static LocalDate today(Couple couple) {
        return LocalDate.now(couple.getClinic().getTimeZone());
    }

    private String write(List<Problem> problems) {
        return PlanWords.write(json, problems);
    }

    private List<Problem> read(String sealed) {
        return PlanWords.read(json, sealed);
    }
}
