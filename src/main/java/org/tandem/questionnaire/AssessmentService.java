package org.tandem.questionnaire;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.web.Problems;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.Partner;
import org.tandem.measurement.ReliableChange;
import org.tandem.questionnaire.QuestionnaireApi.Answered;
import org.tandem.questionnaire.QuestionnaireApi.AssignRequest;
import org.tandem.questionnaire.QuestionnaireApi.AssignmentResponse;
import org.tandem.questionnaire.QuestionnaireApi.Baseline;
import org.tandem.questionnaire.QuestionnaireApi.ComparisonResponse;
import org.tandem.questionnaire.QuestionnaireApi.MyAssignmentResponse;
import org.tandem.questionnaire.QuestionnaireApi.MyReport;
import org.tandem.questionnaire.QuestionnaireApi.PartnerResult;
import org.tandem.questionnaire.QuestionnaireApi.ReportPoint;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;
import org.tandem.security.PartnerBindings;

/**
 * Private assessments, shared reports: a therapist asks one partner or both to fill in a questionnaire; each answers
 * alone in their own app and sees their own scores; the therapist sees both side by side, each partner's reliable
 * change from their own first score, and whether the two differ by more than measurement error.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class AssessmentService {

    static final String RECORD = "questionnaire-assignment";

    private final QuestionnaireRepository responses;
    private final InstrumentCatalog catalog;
    private final CoupleRepository couples;
    private final AccessPolicy access;
    private final Caller caller;
    private final AuditLog audit;

    public AssignmentResponse assign(UUID coupleId, AssignRequest request) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        Instrument instrument = catalog.find(request.instrument())
                .orElseThrow(() -> Problems.unprocessable("instrument", "body", "is not a known instrument"));
        if (request.partnerId() != null && couple.findPartner(request.partnerId()).isEmpty()) {
            throw Problems.unprocessable("partnerId", "body", "is not a partner of this couple");
        }
        if (request.dueOn() != null && request.dueOn().isBefore(LocalDate.now(couple.getClinic().getTimeZone()))) {
            throw Problems.invalid("dueOn", "body", "must not be in the past");
        }
        QuestionnaireAssignment assignment = new QuestionnaireAssignment(couple.getClinic().getId(), coupleId,
                instrument.key(), request.partnerId(), request.dueOn(), caller.subject());
        responses.getEntityManager().persist(assignment);
        responses.flush();
        audit.success("questionnaire.assign", RECORD, assignment.getId());
        return toResponse(assignment);
    }

    public List<AssignmentResponse> list(UUID coupleId) {
        couples.requireVisible(access.reach(), coupleId);
        List<AssignmentResponse> list = responses.assignmentsOf(coupleId).stream().map(this::toResponse).toList();
        audit.success("questionnaire.assignment-list", "couple", coupleId);
        return list;
    }

    /** Both partners side by side (or the one asked), each against their own first score of the instrument. */
    public ComparisonResponse compare(UUID coupleId, UUID id) {
        Couple couple = couples.requireVisibleWithPartners(access.reach(), coupleId);
        QuestionnaireAssignment assignment = responses.assignmentOf(coupleId, id)
                .orElseThrow(() -> Problems.notFound(RECORD));
        Instrument instrument = instrument(assignment);
        Map<UUID, QuestionnaireResponse> answers = latestByPartner(assignment);
        List<PartnerResult> partners = new ArrayList<>();
        for (Partner partner : couple.getPartners()) {
            if (assignment.asks(partner.getId())) {
                partners.add(result(partner, answers.get(partner.getId()), instrument));
            }
        }
        Double difference = partners.size() == 2 && partners.stream().allMatch(p -> p.score() != null)
                ? round(partners.get(0).score() - partners.get(1).score()) : null;
        double threshold = ReliableChange.threshold(instrument.norms());
        audit.success("questionnaire.compare", RECORD, id);
        return new ComparisonResponse(id, instrument.key(), partners, difference, threshold,
                difference == null ? null : Math.abs(difference) > threshold);
    }

    /** The calling partner's assignments: those asking them, with their own answer if given. */
    public List<MyAssignmentResponse> mine() {
        PartnerBindings.Bound me = access.me();
        List<MyAssignmentResponse> list = responses.assignmentsOf(me.coupleId()).stream()
                .filter(a -> a.asks(me.partnerId()))
                .map(a -> {
                    QuestionnaireResponse answer = latestByPartner(a).get(me.partnerId());
                    return new MyAssignmentResponse(a.getId(), a.getInstrumentKey(), instrument(a).name(),
                            a.getDueOn(), a.getCreatedAt(), answer == null ? null : answer.getId());
                }).toList();
        audit.success("questionnaire.assignment-list-mine", "partner", me.partnerId());
        return list;
    }

    /**
     * Checks that the calling partner may answer the assignment now with this instrument: it asks them, and they
     * have not answered it yet (a response marked as entered in error does not count).
     */
    void requireOpenFor(UUID coupleId, UUID partnerId, UUID assignmentId, String instrument) {
        QuestionnaireAssignment assignment = responses.assignmentOf(coupleId, assignmentId)
                .filter(a -> a.asks(partnerId))
                .orElseThrow(() -> Problems.unprocessable("assignmentId", "body", "is not a questionnaire assigned"
                        + " to you"));
        if (!assignment.getInstrumentKey().equals(instrument)) {
            throw Problems.unprocessable("instrument", "body", "must be the assigned instrument, "
                    + assignment.getInstrumentKey());
        }
        if (latestByPartner(assignment).containsKey(partnerId)) {
            throw Problems.conflict("assignment-answered", "Assignment Answered",
                    "You have answered this questionnaire already.");
        }
    }

    /** The calling partner's own report of an instrument: every score of theirs and the change first to latest. */
    public MyReport myReport(String instrumentKey) {
        PartnerBindings.Bound me = access.me();
        if (instrumentKey == null) {
            throw Problems.invalid("instrument", "query", "is required, e.g. phq-9");
        }
        Instrument instrument = catalog.find(instrumentKey)
                .orElseThrow(() -> Problems.invalid("instrument", "query", "is not a known instrument"));
        List<ReportPoint> points = responses.ofPartner(me.partnerId(), instrument.key()).stream().map(r -> {
            Instrument.Score s = instrument.score(r.answers());
            return new ReportPoint(r.getId(), r.getCompletedOn(), s.total(), s.band(), s.clinical());
        }).toList();
        ReliableChange.Result change = points.size() < 2 ? null : ReliableChange.between(points.get(0).score(),
                points.get(points.size() - 1).score(), instrument.norms());
        audit.success("questionnaire.report-mine", "partner", me.partnerId());
        return new MyReport(instrument.key(), instrument.name(), instrument.cutoff(), points, change);
    }

    private PartnerResult result(Partner partner, QuestionnaireResponse answer, Instrument instrument) {
        List<QuestionnaireResponse> history = responses.ofPartner(partner.getId(), instrument.key());
        QuestionnaireResponse first = history.isEmpty() ? null : history.get(0);
        Baseline baseline = first == null ? null
                : new Baseline(first.getId(), first.getCompletedOn(), instrument.score(first.answers()).total());
        if (answer == null) {
            return new PartnerResult(partner.getId(), partner.getSeat(), null, null, null, null, null, null, baseline,
                    null);
        }
        Instrument.Score s = instrument.score(answer.answers());
        ReliableChange.Result change = first == null || first.getId().equals(answer.getId()) ? null
                : ReliableChange.between(baseline.score(), s.total(), instrument.norms());
        return new PartnerResult(partner.getId(), partner.getSeat(), answer.getId(), answer.getCompletedOn(),
                s.total(), s.band(), s.clinical(), s.subscales(), baseline, change);
    }

    private AssignmentResponse toResponse(QuestionnaireAssignment a) {
        List<Answered> answered = latestByPartner(a).values().stream()
                .sorted(Comparator.comparing(QuestionnaireResponse::getCompletedOn))
                .map(r -> new Answered(r.getPartnerId(), r.getId(), r.getCompletedOn())).toList();
        return new AssignmentResponse(a.getId(), a.getCoupleId(), a.getInstrumentKey(), a.getPartnerId(), a.getDueOn(),
                a.getCreatedAt(), answered);
    }

    /** Each partner's counted answer to the assignment (the latest, should there be several). */
    private Map<UUID, QuestionnaireResponse> latestByPartner(QuestionnaireAssignment a) {
        return responses.forAssignment(a.getId()).stream()
                .collect(Collectors.toMap(QuestionnaireResponse::getPartnerId, Function.identity(), (x, y) -> y));
    }

    private Instrument instrument(QuestionnaireAssignment a) {
        return catalog.find(a.getInstrumentKey()).orElseThrow(() -> new IllegalStateException(
                "instrument no longer in the catalogue: " + a.getInstrumentKey()));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
