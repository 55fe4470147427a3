package org.tandem.exercise;

import org.tandem.crypto.EntryReasons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.tandem.common.PastDay;
import org.tandem.audit.AuditLog;
import org.tandem.common.ErrorMark;
import org.tandem.common.ErrorMarkApi.EnteredInErrorRequest;
import org.tandem.common.web.Problems;
import org.tandem.common.Text;
import org.tandem.common.web.Versions;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.Partner;
import org.tandem.exercise.AssignmentApi.AdherenceResponse;
import org.tandem.exercise.AssignmentApi.AssignmentAdherence;
import org.tandem.exercise.AssignmentApi.AssignmentRequest;
import org.tandem.exercise.AssignmentApi.AssignmentResponse;
import org.tandem.exercise.AssignmentApi.CompletionRequest;
import org.tandem.exercise.AssignmentApi.CompletionResponse;
import org.tandem.exercise.AssignmentApi.PartnerAdherence;
import org.tandem.exercise.AssignmentApi.PauseResponse;
import org.tandem.exercise.AssignmentRepository.Done;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;
import org.tandem.partner.MeService;
import org.tandem.partner.ShareChoice;
import org.tandem.security.AccessPolicy;
import org.tandem.security.PartnerBindings;
import org.tandem.security.PartnerView;
import org.tandem.security.Caller;
import org.tandem.webhook.Outbox;
import org.tandem.webhook.WebhookEvent;

/** Assignments, completions and adherence. Every read and change is audited; reflections are for therapists. */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class AssignmentService implements AdherenceReads {

    private static final String REFLECTION = SealedColumn.COMPLETION_REFLECTION.purpose();

    static final String RECORD = "assignment";
    static final int MAX_RANGE_DAYS = 366;

    /** A completion and whether this call created it (false: it was logged before, and nothing changed). */
    public record Logged(CompletionResponse completion, boolean created) {
    }

    private final AssignmentRepository assignments;
    private final ExerciseRepository exercises;
    private final CoupleRepository couples;
    private final Caller caller;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Outbox outbox;
    private final MeService sharing;
    private final ClinicCipher cipher;
    private final EntryReasons reasons;

    public AssignmentResponse create(UUID coupleId, AssignmentRequest request) {
        Couple couple = couple(coupleId);
        Exercise exercise = exercises.findInClinic(couple.getClinic().getId(), request.exerciseId())
                .orElseThrow(() -> Problems.invalid("exerciseId", "body", "is not in your clinic's library"));
        if (exercise.isArchived()) {
            throw Problems.conflict("exercise-archived", "Exercise Archived", "An archived exercise is not assigned.");
        }
        Partner partner = request.partnerId() == null ? null : partner(couple, request.partnerId(), "partnerId");
        Cadence cadence = request.cadence() == null ? exercise.current().content().cadence()
                : Cadence.of(request.cadence(), request.timesPerWeek());
        Assignment assignment = new Assignment(couple, partner, exercise.current(), cadence, request.startsOn(),
                request.endsOn());
        assignments.persist(assignment);
        assignments.flush();
        String note = Text.blankToNull(request.note());
        assignments.writeNote(assignment, note);
        audit.success("assignment.create", RECORD, assignment.getId());
        return toResponse(assignment, note);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssignmentResponse> list(UUID coupleId, AssignmentStatus status) {
        couple(coupleId);
        List<AssignmentResponse> list = assignments.forCouple(coupleId, status).stream()
                .map(this::toResponse).toList();
        audit.success("assignment.list", "couple", coupleId);
        return list;
    }

    /** The calling partner's exercises: the couple's and their own, never the other partner's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssignmentResponse> mine() {
        PartnerBindings.Bound me = access.me();
        List<AssignmentResponse> list = assignments.forCouple(me.coupleId(), null).stream()
                .filter(a -> access.seesRecordOf(a.getPartner() == null ? null : a.getPartner().getId()))
                .map(this::toResponse).toList();
        audit.success("assignment.list-mine", "partner", me.partnerId());
        return list;
    }

    /** The calling partner shares the reflection of a completion they logged, or takes it back. */
    public MeService.SharingResponse share(UUID completionId, boolean shared) {
        PartnerBindings.Bound me = access.me();
        Completion completion = assignments.lockCompletionOfCouple(me.coupleId(), completionId)
                .filter(c -> c.getPartner().getId().equals(me.partnerId()))
                .orElseThrow(() -> Problems.notFound("completion"));
        completion.share(shared);
        return sharing.recordChoice(ShareChoice.Kind.COMPLETION, completionId, shared);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssignmentResponse get(UUID coupleId, UUID id) {
        Assignment assignment = load(coupleId, id);
        audit.success("assignment.read", RECORD, id);
        return toResponse(assignment);
    }

    public AssignmentResponse changeStatus(UUID coupleId, UUID id, long expectedVersion, AssignmentStatus status) {
        Assignment assignment = load(coupleId, id);
        Versions.requireCurrent(expectedVersion, assignment.getVersion());
        assignment.changeStatus(status, today(assignment));
        assignments.flush();
        audit.success("assignment.status-change", RECORD, id);
        return toResponse(assignment);
    }

    /**
     * Logs a completion; the same partner and day again returns the first one and changes nothing. The assignment
     * row is locked first, so identical logs racing each other queue there: the second finds the first's row.
     * (A transaction of its own for the insert, as before, held a second pooled connection per request and starved
     * the pool under load.)
     */
    public Logged logCompletion(UUID coupleId, UUID id, CompletionRequest request) {
        Assignment assignment = loadForIntegration(coupleId, id);
        assignments.lockRow(id);
        Partner partner = partner(assignment.getCouple(), request.partnerId(), "partnerId");
        if (assignment.getPartner() != null && !assignment.getPartner().getId().equals(partner.getId())) {
            throw Problems.invalid("partnerId", "body", "is not the partner this exercise is assigned to");
        }
        if (assignment.getStatus() == AssignmentStatus.CANCELLED) {
            throw Problems.conflict("assignment-cancelled", "Assignment Cancelled",
                    "A cancelled assignment takes no completions.");
        }
        LocalDate day = request.date();
        PastDay.requireNotAfter(day, today(assignment), "date");
        if (day.isBefore(assignment.getStartsOn())
                || (assignment.getEndsOn() != null && day.isAfter(assignment.getEndsOn()))) {
            throw Problems.invalid("date", "body", "must be within the assignment's dates");
        }
        Optional<Completion> existing = assignments.completion(id, partner.getId(), day);
        if (existing.isPresent()) {
            return new Logged(toResponse(existing.get(), true), false);
        }
        Completion completion = new Completion(assignment, partner, day, Boolean.TRUE.equals(request.shared()),
                request.rating(), caller.subject());
        String reflection = Text.blankToNull(request.reflection());
        if (reflection != null) { // before persist, which takes the state the row is inserted with
            completion.seal(cipher.sealerFor(assignment.getCouple().getClinic().getId())
                    .seal(REFLECTION, completion.getId(), reflection));
        }
        assignments.persistCompletion(completion);
        audit.success("assignment.completion", RECORD, id);
        outbox.publish(assignment.getCouple().getClinic().getId(), WebhookEvent.ASSIGNMENT_COMPLETED, java.util.Map.of(
                "assignmentId", id, "coupleId", coupleId, "partnerId", partner.getId(), "date", day.toString()));
        return new Logged(toResponse(assignments.completion(id, partner.getId(), day).orElseThrow(), true), true);
    }

    /**
     * The completions. Therapists see reflections; admins and integrations do not; a partner sees their own and the
     * other partner's where shared.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CompletionResponse> completions(UUID coupleId, UUID id) {
        Assignment assignment = loadForIntegration(coupleId, id);
        PartnerView view = access.partnerView();
        List<CompletionResponse> list = assignments.completions(id).stream()
                .map(c -> toResponse(c, access.readsPrivateText(view, c.getPartner().getId(), !c.isShared())))
                .toList();
        audit.success("assignment.completions-read", RECORD, id);
        return list;
    }

    /**
     * Marks a completion as logged by mistake: it stays in the list, marked, and adherence no longer counts it;
     * the right day can then be logged. A therapist of the couple may mark any completion; an integration only
     * the ones it logged itself (any other is 404 to it). The assignment's row is locked first, as when logging,
     * so a mark and a log of the same day cannot interleave.
     */
    public CompletionResponse markEnteredInError(UUID coupleId, UUID id, UUID completionId,
            EnteredInErrorRequest request) {
        Assignment assignment = loadForIntegration(coupleId, id);
        assignments.lockRow(id);
        Completion completion = assignments.completionOf(id, completionId)
                .filter(found -> access.mayMarkEntryOf(found.getLoggedBy()))
                .orElseThrow(() -> Problems.notFound("completion"));
        completion.markEnteredInError(caller.subject(), request.reason(), "completion",
                reasons.sealer(SealedColumn.COMPLETION_ERROR_REASON, assignment.getCouple().getClinic().getId(),
                        completion.getId()));
        assignments.flush();
        audit.success("assignment.completion-entered-in-error", RECORD, id);
        outbox.publish(assignment.getCouple().getClinic().getId(), WebhookEvent.COMPLETION_ENTERED_IN_ERROR,
                java.util.Map.of("assignmentId", id, "completionId", completionId, "coupleId", coupleId,
                        "partnerId", completion.getPartner().getId(), "date", completion.getDoneOn().toString()));
        return toResponse(completion, access.readsPrivateText(access.partnerView(), completion.getPartner().getId(),
                !completion.isShared()));
    }

    public AdherenceResponse adherence(UUID coupleId, UUID id, LocalDate from, LocalDate to) {
        Assignment assignment = load(coupleId, id);
        LocalDate today = today(assignment);
        LocalDate start = from == null ? assignment.getStartsOn() : from;
        LocalDate end = to == null ? today : to;
        if (end.isBefore(start)) {
            throw Problems.invalid("to", "query", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_RANGE_DAYS) {
            throw Problems.invalid("to", "query", "must be at most " + MAX_RANGE_DAYS + " days after from");
        }
        List<PartnerAdherence> partners = adherence(assignment, assignments.counted(id),
                new Adherence.Period(start, end), today);
        audit.success("assignment.adherence-read", RECORD, id);
        return new AdherenceResponse(id, start, end, partners);
    }

    /**
     * Adherence of every assignment of the couple that was not cancelled and overlaps the period, up to today. For
     * the progress summary, which has checked access and audits its own read.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public List<AssignmentAdherence> adherenceForCouple(UUID coupleId, LocalDate from, LocalDate to, LocalDate today) {
        LocalDate end = to.isAfter(today) ? today : to;
        if (end.isBefore(from)) {
            return List.of();
        }
        Adherence.Period range = new Adherence.Period(from, end);
        List<Assignment> overlapping = assignments.forCoupleWithPauses(coupleId).stream()
                .filter(a -> a.getStatus() != AssignmentStatus.CANCELLED && !a.getStartsOn().isAfter(end)
                        && (a.getEndsOn() == null || !a.getEndsOn().isBefore(from)))
                .toList();
        Map<UUID, List<Done>> done = overlapping.isEmpty() ? Map.of()
                : assignments.countedOfCouple(coupleId, from, end).stream()
                        .collect(Collectors.groupingBy(Done::assignmentId));
        return overlapping.stream()
                .map(a -> new AssignmentAdherence(a.getId(), a.getExercise().content().title(),
                        a.getExercise().content().category(), a.getStatus(),
                        adherence(a, done.getOrDefault(a.getId(), List.of()), range, today)))
                .toList();
    }

    private List<PartnerAdherence> adherence(Assignment assignment, List<Done> done, Adherence.Period range,
            LocalDate today) {
        List<Partner> performers = assignment.getPartner() != null ? List.of(assignment.getPartner())
                : assignment.getCouple().getPartners();
        return performers.stream().map(p -> {
            Adherence.Result r = Adherence.compute(assignment.cadence(), assignment.period(range.to()),
                    assignment.pausedPeriods(today), range,
                    done.stream().filter(c -> c.partnerId().equals(p.getId())).map(Done::doneOn).toList());
            return new PartnerAdherence(p.getId(), r.due(), r.done(), r.rate());
        }).toList();
    }

    private Couple couple(UUID coupleId) {
        return couples.requireVisible(access.reach(), coupleId);
    }

    /** Like {@link #load}, for the operations an integration may perform for a partner. */
    private Assignment loadForIntegration(UUID coupleId, UUID id) {
        couples.requireVisible(access.reach(), coupleId);
        return assignments.findForCouple(coupleId, id)
                .filter(a -> access.seesRecordOf(a.getPartner() == null ? null : a.getPartner().getId()))
                .orElseThrow(() -> Problems.notFound(RECORD));
    }

    private Assignment load(UUID coupleId, UUID id) {
        couple(coupleId);
        return assignments.findForCouple(coupleId, id).orElseThrow(() -> Problems.notFound(RECORD));
    }

    private static Partner partner(Couple couple, UUID partnerId, String field) {
        return couple.findPartner(partnerId)
                .orElseThrow(() -> Problems.invalid(field, "body", "is not a partner of this couple"));
    }

    private static LocalDate today(Assignment assignment) {
        return LocalDate.now(assignment.getCouple().getClinic().getTimeZone());
    }

    private AssignmentResponse toResponse(Assignment a) {
        return toResponse(a, a.note(cipher));
    }

    private static AssignmentResponse toResponse(Assignment a, String note) {
        Cadence cadence = a.cadence();
        return new AssignmentResponse(a.getId(), a.getCouple().getId(),
                a.getPartner() == null ? null : a.getPartner().getId(), ExerciseApi.toResponse(a.getExercise()),
                new ExerciseApi.CadenceResponse(cadence.kind(), cadence.timesPerWeek()), a.getStartsOn(),
                a.getEndsOn(), note, a.getStatus(),
                a.getPauses().stream().map(p -> new PauseResponse(p.getPausedFrom(), p.getUntil())).toList(),
                a.getVersion());
    }

    private CompletionResponse toResponse(Completion c, boolean withReflection) {
        return new CompletionResponse(c.getId(), c.getPartner().getId(), c.getDoneOn(),
                withReflection ? reflection(c) : null, c.isShared(), c.getRating(), c.getCreatedAt(),
                ErrorMark.view(c.getEnteredInError(), access.seesClinicalText(),
                        reasons.opener(SealedColumn.COMPLETION_ERROR_REASON, c.getId())));
    }

    /** The reflection's text: opened from its ciphertext, or as written before reflections were sealed. */
    private String reflection(Completion c) {
        return c.hasSealedReflection()
                ? c.openReflection(cipher, REFLECTION)
                : c.legacyReflection();
    }
}
