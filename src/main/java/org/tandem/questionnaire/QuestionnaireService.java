package org.tandem.questionnaire;

import org.tandem.crypto.SealedColumn;
import org.tandem.crypto.EntryReasons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;
import org.tandem.common.PastDay;
import org.tandem.audit.AuditLog;
import org.tandem.common.ErrorMark;
import org.tandem.common.ErrorMarkApi.EnteredInErrorRequest;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.Problems;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.measurement.ObservationSharing;
import org.tandem.measurement.ReliableChange;
import org.tandem.measurement.Source;
import org.tandem.questionnaire.QuestionnaireApi.InstrumentResponse;
import org.tandem.questionnaire.QuestionnaireApi.ItemResponse;
import org.tandem.questionnaire.QuestionnaireApi.SafetyFlagResponse;
import org.tandem.questionnaire.QuestionnaireApi.ScoredResponse;
import org.tandem.questionnaire.QuestionnaireApi.SubmitRequest;
import org.tandem.partner.MeService;
import org.tandem.partner.ShareChoice;
import org.tandem.security.AccessPolicy;
import org.tandem.security.PartnerView;
import org.tandem.security.Caller;
import org.tandem.webhook.Outbox;
import org.tandem.webhook.WebhookEvent;

/**
 * Questionnaire answers in, scores out. The score is never accepted from a client: it is computed from the stored
 * answers by the instrument's rule. Answers that trip a safety rule raise a flag in the same transaction.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class QuestionnaireService implements QuestionnaireReads {

    static final String RECORD = "questionnaire";
    private static final Logger LOG = Logger.getLogger(QuestionnaireService.class);

    private final QuestionnaireRepository responses;
    private final SafetyFlagRepository flags;
    private final InstrumentCatalog catalog;
    private final CoupleRepository couples;
    private final Caller caller;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Outbox outbox;
    private final ObservationSharing sharing;
    private final AssessmentService assessments;
    private final org.tandem.safetyplan.SafetyPlans safetyPlans;
    private final org.tandem.notification.Notifications notifications;
    private final EntryReasons reasons;

    public ScoredResponse submit(UUID coupleId, SubmitRequest request) {
        return submit(coupleId, request, null);
    }

    /** As {@link #submit(UUID, SubmitRequest)}, for a questionnaire assignment the caller was asked to answer. */
    public ScoredResponse submit(UUID coupleId, SubmitRequest request, UUID assignmentId) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        if (assignmentId != null) {
            assessments.requireOpenFor(coupleId, request.partnerId(), assignmentId, request.instrument());
        }
        if (access.recordsSelfReportsOnly() && request.source() != Source.SELF_REPORT) {
            throw Problems.forbidden("self-report-only", "An integration records SELF_REPORT answers only.");
        }
        if (request.score() != null) {
            throw Problems.unprocessable("score", "body", "is computed from the answers; do not send it");
        }
        Instrument instrument = catalog.find(request.instrument())
                .orElseThrow(() -> Problems.unprocessable("instrument", "body", "is not a known instrument"));
        if (couple.findPartner(request.partnerId()).isEmpty()) {
            throw Problems.unprocessable("partnerId", "body", "is not a partner of this couple");
        }
        Instrument.Score score;
        try {
            score = instrument.score(request.answers());
        } catch (Instrument.InvalidAnswers e) {
            throw Problems.unprocessable(e.field(), "body", e.getMessage());
        }
        PastDay.requireNotAfter(request.date(), LocalDate.now(couple.getClinic().getTimeZone()), "date");
        QuestionnaireResponse response = new QuestionnaireResponse(couple.getClinic().getId(), coupleId,
                request.partnerId(), instrument.key(), request.date(), request.answers(), request.source(),
                request.isPrivate() == null || request.isPrivate(), caller.subject());
        response.givenFor(assignmentId);
        responses.persist(response);
        responses.flush();
        audit.success("questionnaire.submit", RECORD, response.getId());
        outbox.publish(couple.getClinic().getId(), WebhookEvent.MEASUREMENT_RECORDED, java.util.Map.of(
                "kind", "QUESTIONNAIRE", "questionnaireId", response.getId(), "coupleId", coupleId,
                "partnerId", request.partnerId(), "instrument", instrument.key()));
        for (String reason : score.safetyReasons()) {
            SafetyFlag flag = new SafetyFlag(couple.getClinic().getId(), coupleId, request.partnerId(),
                    response.getId(), reason);
            flags.persist(flag);
            flags.flush();
            audit.success("safety.flag-raised", "safety-flag", flag.getId());
            outbox.publish(couple.getClinic().getId(), WebhookEvent.SAFETY_FLAGGED, java.util.Map.of(
                    "flagId", flag.getId(), "coupleId", coupleId, "partnerId", request.partnerId()));
            LOG.infof("Safety flag %s raised on couple %s", flag.getId(), coupleId);
        }
        if (!score.safetyReasons().isEmpty()) {
            notifications.safetyFlag(couple.getClinic().getId(), coupleId, therapistsOf(couple), null);
        }
        return toResponse(response, instrument, score, true);
    }

    /** The couple's responses that the caller sees ({@link AccessPolicy#partnerView()}), oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<ScoredResponse> list(UUID coupleId, String instrument, boolean withEnteredInError,
            PageQuery page) {
        couples.requireVisible(access.reach(), coupleId);
        PartnerView view = access.partnerView();
        var query = responses.search(coupleId, instrument, view, withEnteredInError, page);
        PageResponse<ScoredResponse> result = PageResponse.of(query.list(), r -> scored(r, view), page,
                query.count());
        audit.success("questionnaire.list", "couple", coupleId);
        return result;
    }

    /** The calling partner shares a response of theirs with the other partner, or takes it back. */
    public MeService.SharingResponse share(UUID id, boolean shared) {
        return sharing.share(ShareChoice.Kind.QUESTIONNAIRE, RECORD, id, shared, responses::lockOfCouple);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ScoredResponse get(UUID coupleId, UUID id) {
        couples.requireVisible(access.reach(), coupleId);
        PartnerView view = access.partnerView();
        QuestionnaireResponse response = responses.findForCouple(coupleId, id)
                .filter(r -> view.sees(r.getPartnerId(), r.isPrivateToPartner()))
                .orElseThrow(() -> Problems.notFound(RECORD));
        audit.success("questionnaire.read", RECORD, id);
        return scored(response, view);
    }

    /**
     * Marks a response as recorded by mistake: kept as it was, counted nowhere from now on. A therapist of the
     * couple may mark any of its responses; an integration only the ones it recorded itself (any other is 404 to
     * it). A safety flag the answers raised is left open: acknowledging it is a therapist's decision.
     */
    public ScoredResponse markEnteredInError(UUID coupleId, UUID id, EnteredInErrorRequest request) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        QuestionnaireResponse response = responses.lockOfCouple(coupleId, id)
                .filter(found -> access.mayMarkEntryOf(found.getRecordedBy()))
                .orElseThrow(() -> Problems.notFound(RECORD));
        response.markEnteredInError(caller.subject(), request.reason(), "response", reasons.sealer(
                SealedColumn.QUESTIONNAIRE_ERROR_REASON, couple.getClinic().getId(), response.getId()));
        responses.flush();
        audit.success("questionnaire.entered-in-error", RECORD, id);
        outbox.publish(couple.getClinic().getId(), WebhookEvent.MEASUREMENT_ENTERED_IN_ERROR, java.util.Map.of(
                "kind", "QUESTIONNAIRE", "questionnaireId", id, "coupleId", coupleId,
                "partnerId", response.getPartnerId(), "instrument", response.getInstrumentKey()));
        return scored(response, access.partnerView());
    }

    /** Scores a stored response with the instrument's current rule; used by the progress summary too. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Instrument.Score score(QuestionnaireResponse response) {
        return instrument(response).score(response.answers());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Instrument instrument(QuestionnaireResponse response) {
        return catalog.find(response.getInstrumentKey()).orElseThrow(() -> new IllegalStateException(
                "Instrument " + response.getInstrumentKey() + " of response " + response.getId() + " is not loaded"));
    }

    public List<InstrumentResponse> instruments() {
        return catalog.all().stream().map(QuestionnaireService::describe).toList();
    }

    public InstrumentResponse instrument(String key) {
        return catalog.find(key).map(QuestionnaireService::describe).orElseThrow(() -> Problems.notFound("instrument"));
    }

    // --- safety flags -----------------------------------------------------------------------------------------

    public List<SafetyFlagResponse> flags(UUID coupleId, Boolean open) {
        couples.requireVisible(access.reach(), coupleId);
        List<SafetyFlagResponse> list = flags.forCouple(coupleId, open).stream().map(this::toResponse).toList();
        audit.success("safety.flags-read", "couple", coupleId);
        return list;
    }

    public List<SafetyFlagResponse> agenda() {
        List<SafetyFlagResponse> list = flags.openIn(access.reach()).stream().map(this::toResponse).toList();
        audit.success("safety.agenda-read", "safety-flag", null);
        return list;
    }

    /** A therapist's own concern: a flag like one a questionnaire raises, on the agenda until acknowledged. */
    public SafetyFlagResponse raise(UUID coupleId, UUID partnerId) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        if (couple.findPartner(partnerId).isEmpty()) {
            throw Problems.invalid("partnerId", "body", "is not a partner of this couple");
        }
        SafetyFlag flag = SafetyFlag.raisedByTherapist(couple.getClinic().getId(), coupleId, partnerId);
        flags.persist(flag);
        flags.flush();
        audit.success("safety.flag-raised", "safety-flag", flag.getId());
        outbox.publish(couple.getClinic().getId(), WebhookEvent.SAFETY_FLAGGED, java.util.Map.of(
                "flagId", flag.getId(), "coupleId", coupleId, "partnerId", partnerId));
        LOG.infof("Safety flag %s raised on couple %s by a therapist", flag.getId(), coupleId);
        notifications.safetyFlag(couple.getClinic().getId(), coupleId, therapistsOf(couple),
                caller.therapistId().orElse(null));
        return toResponse(flag);
    }

    /** Acknowledged: the risk was assessed; {@code safetyPlanId}, when given, must be the partner's plan. */
    public SafetyFlagResponse acknowledge(UUID coupleId, UUID id, UUID safetyPlanId) {
        couples.requireVisible(access.reach(), coupleId);
        SafetyFlag flag = flags.findForCouple(coupleId, id).orElseThrow(() -> Problems.notFound("safety flag"));
        if (safetyPlanId != null && !safetyPlans.isPlanOf(safetyPlanId, flag.getPartnerId())) {
            throw Problems.invalid("safetyPlanId", "query", "is not the safety plan of the flag's partner");
        }
        flag.acknowledge(caller.subject(), safetyPlanId);
        flags.flush();
        audit.success("safety.flag-acknowledged", "safety-flag", id);
        return toResponse(flag);
    }

    /** The couple's primary therapist and co-therapists, who are told of a safety flag. */
    private static java.util.Set<UUID> therapistsOf(Couple couple) {
        java.util.Set<UUID> all = new java.util.LinkedHashSet<>();
        if (couple.getPrimaryTherapist() != null) {
            all.add(couple.getPrimaryTherapist().getId());
        }
        couple.getCoTherapists().forEach(t -> all.add(t.getId()));
        return all;
    }

    public SafetyFlagResponse toResponse(SafetyFlag f) {
        return new SafetyFlagResponse(f.getId(), f.getCoupleId(), f.getPartnerId(), f.getReason(),
                catalog.describeSafetyReason(f.getReason()), f.getResponseId(), f.getRaisedAt(), f.isOpen(),
                f.getAcknowledgedAt(), f.getAcknowledgedBy(), f.getSafetyPlanId(), f.getVersion());
    }

    private ScoredResponse scored(QuestionnaireResponse r, PartnerView view) {
        Instrument instrument = instrument(r);
        // Item answers stay with the partner who gave them, even in a shared response: the other sees scores.
        return toResponse(r, instrument, instrument.score(r.answers()),
                access.readsPrivateText(view, r.getPartnerId(), true));
    }

    private ScoredResponse toResponse(QuestionnaireResponse r, Instrument instrument, Instrument.Score s,
            boolean withAnswers) {
        return new ScoredResponse(r.getId(), r.getCoupleId(), r.getPartnerId(), instrument.key(), r.getCompletedOn(),
                r.getSource(), r.isPrivateToPartner(), withAnswers ? r.answers() : null, s.total(), s.band(),
                s.subscales(), s.clinical(), access.seesSafetyFlags() ? s.safetyReasons() : List.of(), r.getCreatedAt(),
                ErrorMark.view(r.getEnteredInError(), access.seesClinicalText(),
                        reasons.opener(SealedColumn.QUESTIONNAIRE_ERROR_REASON, r.getId())));
    }

    static InstrumentResponse describe(Instrument i) {
        List<ItemResponse> items = new java.util.ArrayList<>();
        for (int n = 1; n <= i.items().size(); n++) {
            Instrument.Item item = i.items().get(n - 1);
            items.add(new ItemResponse(n, item.label(), item.min(), item.max(), i.reversed().contains(n)));
        }
        return new InstrumentResponse(i.key(), i.name(), i.construct(), i.source(), items, i.scoring(),
                i.minScore(), i.maxScore(), i.direction(), i.bands(), i.subscales(), i.cutoff(), i.reliability(),
                i.normSd(), ReliableChange.threshold(i.norms()),
                i.normsSource(), i.safety(), i.licence());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public List<QuestionnaireResponse> responses(UUID coupleId, LocalDate from, LocalDate to) {
        return responses.inPeriod(coupleId, from, to);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public List<SafetyFlagResponse> flagsOpenOrRaisedSince(UUID coupleId, Instant since) {
        return flags.openOrRaisedSince(coupleId, since).stream().map(this::toResponse).toList();
    }
}
