package org.tandem.polygraph;

import org.tandem.crypto.EntryReasons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.Conflict;
import org.tandem.common.ErrorMark;
import org.tandem.common.ErrorMarkApi.EnteredInErrorRequest;
import org.tandem.common.persistence.RowLock;
import org.tandem.common.web.Problems;
import org.tandem.common.InvalidField;
import org.tandem.common.PastDay;
import org.tandem.common.persistence.LockOrder;
import org.tandem.common.web.Versions;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.Partner;
import org.tandem.couple.RecoveryRole;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;
import org.tandem.polygraph.PolygraphApi.CouplePolygraphs;
import org.tandem.polygraph.PolygraphApi.PolygraphExamRequest;
import org.tandem.polygraph.PolygraphApi.PolygraphExamResponse;
import org.tandem.polygraph.PolygraphApi.PolygraphQuestionRequest;
import org.tandem.polygraph.PolygraphApi.PolygraphQuestionResponse;
import org.tandem.polygraph.PolygraphApi.PolygraphScheduleResponse;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;

/**
 * Polygraph examinations of the partner in recovery and the schedule of maintenance examinations. The couple's
 * therapists record and read them; an admin sees the dates and kinds, never a question or an outcome. Recorded
 * examinations are never changed; one recorded by mistake is marked as entered in error. Reads and records are
 * audited.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class PolygraphService {

    static final String RECORD = "polygraph";
    private static final String PURPOSE = SealedColumn.POLYGRAPH_QUESTION.purpose();

    private final EntityManager em;
    private final CoupleRepository couples;
    private final AccessPolicy access;
    private final Caller caller;
    private final ClinicCipher cipher;
    private final LockOrder locks;
    private final AuditLog audit;
    private final EntryReasons reasons;

    public PolygraphExamResponse record(UUID coupleId, PolygraphExamRequest request) {
        Couple couple = couples.requireVisibleWithPartners(access.reach(), coupleId);
        List<Partner> examinees = couple.getPartners().stream()
                .filter(p -> p.getRecoveryRole() == RecoveryRole.IN_RECOVERY).toList();
        if (examinees.size() != 1) {
            throw new Conflict("recovery-roles-missing", "Recovery Roles Missing", "A polygraph examines the"
                    + " partner IN_RECOVERY: record the partners' recovery roles on the couple first.");
        }
        PastDay.requireNotAfter(request.examinedOn(), LocalDate.now(couple.getClinic().getTimeZone()),
                "examinedOn");
        if (request.disclosureId() != null && em.createQuery("select count(d) from Disclosure d where d.id = :id"
                + " and d.coupleId = :couple", Long.class).setParameter("id", request.disclosureId())
                .setParameter("couple", coupleId).getSingleResult() == 0) {
            throw new InvalidField("disclosureId", "is not a disclosure of this couple");
        }
        PolygraphExam exam = new PolygraphExam(couple.getClinic().getId(), coupleId, examinees.get(0).getId(),
                request.disclosureId(), request.kind(), request.examinedOn(), request.examiner().strip(),
                caller.subject());
        em.persist(exam);
        ClinicCipher.Sealer sealer = cipher.sealerFor(exam.getClinicId());
        List<PolygraphQuestion> questions = new ArrayList<>();
        int number = 1;
        for (PolygraphQuestionRequest q : request.questions()) {
            PolygraphQuestion question = new PolygraphQuestion(exam.getClinicId(), exam.getId(), number++,
                    q.outcome());
            question.write(sealer.seal(PURPOSE, question.getId(), q.text().strip()));
            em.persist(question);
            questions.add(question);
        }
        em.flush();
        audit.success("polygraph.record", RECORD, exam.getId());
        return view(exam, questions, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CouplePolygraphs list(UUID coupleId) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        List<PolygraphExam> exams = newestFirst(coupleId);
        boolean clinical = access.seesClinicalText();
        Map<UUID, List<PolygraphQuestion>> questions = clinical && !exams.isEmpty()
                ? questionsOf(exams.stream().map(PolygraphExam::getId).toList())
                : Map.of();
        audit.success("polygraph.list", "couple", coupleId);
        return new CouplePolygraphs(coupleId, schedule(couple, exams),
                exams.stream().map(e -> view(e, questions.getOrDefault(e.getId(), List.of()), clinical)).toList());
    }

    /** Marks an examination as recorded by mistake: kept as it was, counted nowhere from now on. */
    public PolygraphExamResponse markEnteredInError(UUID coupleId, UUID id, EnteredInErrorRequest request) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        if (!RowLock.lock(em, "polygraph_exam", id, "couple_id", coupleId)) {
            throw Problems.notFound(RECORD);
        }
        PolygraphExam exam = em.find(PolygraphExam.class, id); // read after the lock: another marking is seen
        exam.markEnteredInError(caller.subject(), request.reason(), reasons.sealer(
                SealedColumn.POLYGRAPH_ERROR_REASON, couple.getClinic().getId(), id));
        em.flush();
        audit.success("polygraph.entered-in-error", RECORD, id);
        return view(exam, questionsOf(List.of(id)).getOrDefault(id, List.of()), true);
    }

    /** The questions of these examinations, in order, by examination. */
    private Map<UUID, List<PolygraphQuestion>> questionsOf(List<UUID> examIds) {
        return em.createQuery("from PolygraphQuestion where examId in :exams order by number", PolygraphQuestion.class)
                .setParameter("exams", examIds).getResultList().stream()
                .collect(Collectors.groupingBy(PolygraphQuestion::getExamId));
    }

    public PolygraphScheduleResponse setSchedule(UUID coupleId, long expectedVersion, Integer everyMonths) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        locks.couple(coupleId); // the first schedule is an insert: two at once must not both make one
        PolygraphSchedule schedule = em.find(PolygraphSchedule.class, coupleId);
        Versions.requireCurrent(expectedVersion, schedule == null ? 0 : schedule.getVersion());
        if (schedule == null) {
            schedule = new PolygraphSchedule(coupleId, couple.getClinic().getId());
            schedule.every(everyMonths);
            em.persist(schedule);
        } else {
            schedule.every(everyMonths);
        }
        em.flush();
        audit.success("polygraph.schedule", "couple", coupleId);
        return schedule(couple, newestFirst(coupleId));
    }

    private List<PolygraphExam> newestFirst(UUID coupleId) {
        return em.createQuery("from PolygraphExam where coupleId = :couple order by examinedOn desc, createdAt desc",
                PolygraphExam.class).setParameter("couple", coupleId).getResultList();
    }

    /** A demo examination whose questions all passed; with {@code everyMonths}, the maintenance schedule. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void demo(UUID clinicId, UUID coupleId, UUID partnerId, UUID disclosureId, PolygraphKind kind,
            LocalDate on, List<String> questions, Integer everyMonths) {
        PolygraphExam exam = new PolygraphExam(clinicId, coupleId, partnerId, disclosureId, kind, on,
                "Demo Examiner", "demo");
        em.persist(exam);
        int number = 1;
        for (String text : questions) {
            PolygraphQuestion q = new PolygraphQuestion(clinicId, exam.getId(), number++, PolygraphOutcome.PASS);
            q.write(cipher.sealerFor(clinicId).seal(PURPOSE, q.getId(), text));
            em.persist(q);
        }
        if (everyMonths != null && em.find(PolygraphSchedule.class, coupleId) == null) {
            PolygraphSchedule schedule = new PolygraphSchedule(coupleId, clinicId);
            schedule.every(everyMonths);
            em.persist(schedule);
        }
    }

    private PolygraphScheduleResponse schedule(Couple couple, List<PolygraphExam> newestFirst) {
        PolygraphSchedule s = em.find(PolygraphSchedule.class, couple.getId());
        LocalDate today = LocalDate.now(couple.getClinic().getTimeZone());
        LocalDate last = newestFirst.stream().filter(PolygraphExam::counts).map(PolygraphExam::getExaminedOn)
                .findFirst().orElse(null);
        Integer every = s == null ? null : s.getEveryMonths();
        LocalDate next = every == null ? null : last == null ? today : last.plusMonths(every);
        return new PolygraphScheduleResponse(couple.getId(), every, last, next, next != null && next.isBefore(today),
                s == null ? 0 : s.getVersion());
    }

    private PolygraphExamResponse view(PolygraphExam e, List<PolygraphQuestion> questions, boolean clinical) {
        List<PolygraphQuestionResponse> shown = clinical ? questions.stream().map(q -> new PolygraphQuestionResponse(q.getNumber(),
                q.open(cipher, PURPOSE), q.getOutcome())).toList() : null;
        PolygraphOutcome result = clinical ? PolygraphOutcome.overall(questions.stream().map(PolygraphQuestion::getOutcome).toList())
                : null;
        return new PolygraphExamResponse(e.getId(), e.getCoupleId(), e.getPartnerId(), e.getDisclosureId(), e.getKind(),
                e.getExaminedOn(), e.getExaminer(), result, shown, e.getRecordedBy(), e.getCreatedAt(),
                ErrorMark.view(e.getEnteredInError(), clinical, reasons.opener(SealedColumn.POLYGRAPH_ERROR_REASON,
                        e.getId())));
    }

    /** Each examination's overall result, for a couple the caller was already admitted to (the trust timeline). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, PolygraphOutcome> results(UUID coupleId) {
        List<Object[]> rows = em.createQuery("select q.examId, q.outcome from PolygraphQuestion q, PolygraphExam e"
                + " where q.examId = e.id and e.coupleId = :couple and e.enteredInError.at is null", Object[].class)
                .setParameter("couple", coupleId).getResultList();
        return rows.stream().collect(Collectors.groupingBy(r -> (UUID) r[0], Collectors.collectingAndThen(
                Collectors.mapping(r -> (PolygraphOutcome) r[1], Collectors.toList()), PolygraphOutcome::overall)));
    }
}
