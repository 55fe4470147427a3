package org.tandem.disclosure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.clinic.Clinic;
import org.tandem.common.Conflict;
import org.tandem.common.PastDay;
import org.tandem.common.persistence.LockOrder;
import org.tandem.common.persistence.RowLock;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Versions;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.Partner;
import org.tandem.couple.RecoveryRole;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;
import org.tandem.disclosure.DisclosureApi.DisclosureCompletionRequest;
import org.tandem.disclosure.DisclosureApi.DisclosureResponse;
import org.tandem.disclosure.DisclosureApi.DisclosureSession;
import org.tandem.disclosure.DisclosureApi.DisclosureDocumentResponse;
import org.tandem.disclosure.DisclosureApi.DisclosurePlanRequest;
import org.tandem.disclosure.DisclosureApi.DisclosureQuestionResponse;
import org.tandem.disclosure.DisclosureApi.DisclosureScheduleRequest;
import org.tandem.scheduling.SessionFacts;
import org.tandem.scheduling.SessionKind;
import org.tandem.scheduling.SessionStatus;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;
import org.tandem.security.PartnerBindings;

/**
 * Therapeutic disclosure planning. The couple's therapists plan it, write the document with the partner in recovery
 * (who also drafts it in their app), schedule the joint session with both therapists, record that it took place and,
 * with the betrayed partner's agreement, destroy the document and the questions. The betrayed partner writes the
 * questions and never reads the document through the API: it is read aloud in session. Admins see the metadata.
 * Every read and change is audited; nothing of the document reaches a log, an export, a webhook or a message.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class DisclosureService {

    static final String RECORD = "disclosure";
    private static final String DOCUMENT = SealedColumn.DISCLOSURE_DOCUMENT.purpose();
    private static final String QUESTION = SealedColumn.DISCLOSURE_QUESTION.purpose();
    /** The most questions one disclosure collects. */
    static final int MAX_QUESTIONS = 200;

    private final EntityManager em;
    private final CoupleRepository couples;
    private final AccessPolicy access;
    private final Caller caller;
    private final ClinicCipher cipher;
    private final SessionFacts sessions;
    private final LockOrder locks;
    private final AuditLog audit;

    // --- the couple's therapists (and admins: metadata) ---

    public DisclosureResponse plan(UUID coupleId, DisclosurePlanRequest request) {
        Couple couple = couples.requireVisibleWithPartners(access.reach(), coupleId);
        Partner disclosing = byRole(couple, RecoveryRole.IN_RECOVERY);
        Partner betrayed = byRole(couple, RecoveryRole.PARTNER);
        PastDay.requireNotAfter(request.discoveredOn(), today(couple.getClinic()), "discoveredOn");
        locks.couple(coupleId); // one disclosure planned at a time, however many requests race
        boolean open = !em.createQuery("select d.id from Disclosure d where d.coupleId = :couple"
                + " and d.status = :planning", UUID.class).setParameter("couple", coupleId)
                .setParameter("planning", DisclosureStatus.PLANNING).getResultList().isEmpty();
        if (open) {
            throw new Conflict("disclosure-open", "Disclosure Open",
                    "The couple already has a disclosure being planned.");
        }
        Disclosure d = new Disclosure(couple.getClinic().getId(), coupleId, disclosing.getId(), betrayed.getId(),
                request.discoveredOn(), caller.subject());
        em.persist(d);
        em.flush();
        audit.success("disclosure.plan", RECORD, d.getId());
        return view(d);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DisclosureResponse> list(UUID coupleId) {
        couples.requireVisible(access.reach(), coupleId);
        List<DisclosureResponse> all = ofCouple(coupleId).stream().map(this::view).toList();
        audit.success("disclosure.list", "couple", coupleId);
        return all;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DisclosureResponse get(UUID coupleId, UUID id) {
        Disclosure d = staffFind(coupleId, id);
        audit.success("disclosure.read", RECORD, id);
        return view(d);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DisclosureDocumentResponse document(UUID coupleId, UUID id) {
        Disclosure d = treatingFind(coupleId, id);
        audit.success("disclosure.read-document", RECORD, id);
        return documentOf(d);
    }

    public DisclosureDocumentResponse writeDocument(UUID coupleId, UUID id, long expectedVersion, String text) {
        Disclosure d = treatingFind(coupleId, id);
        return write(d, expectedVersion, text);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DisclosureQuestionResponse> questions(UUID coupleId, UUID id) {
        Disclosure d = treatingFind(coupleId, id);
        audit.success("disclosure.list-questions", RECORD, id);
        return questionsOf(d);
    }

    public DisclosureResponse schedule(UUID coupleId, UUID id, long expectedVersion, DisclosureScheduleRequest request) {
        Couple couple = couples.requireVisibleWithPartners(access.reach(), coupleId);
        Disclosure d = find(coupleId, id);
        Versions.requireCurrent(expectedVersion, d.getVersion());
        SessionFacts.Facts session = sessions.ofCouple(coupleId, request.sessionId())
                .orElseThrow(() -> Problems.invalid("sessionId", "body", "is not a session of this couple"));
        if (session.kind() != SessionKind.JOINT || session.status() != SessionStatus.SCHEDULED) {
            throw Problems.invalid("sessionId", "body", "must be a scheduled JOINT session");
        }
        if (request.coTherapistId().equals(session.therapistId())) {
            throw Problems.invalid("coTherapistId", "body", "must be the couple's other therapist, not the"
                    + " session's");
        }
        if (!couple.isTreatedBy(request.coTherapistId())) {
            throw Problems.invalid("coTherapistId", "body", "is not a therapist of this couple");
        }
        // As a booking does: no other booking of either therapist or the couple runs between the check and the link.
        locks.therapistsThenCouple(List.of(session.therapistId(), request.coTherapistId()), coupleId);
        if (!sessions.therapistFree(request.coTherapistId(), session.startsAt(), session.endsAt(), session.id())) {
            throw Problems.conflict("schedule-conflict", "Schedule Conflict",
                    "The co-therapist already has a session at that time.");
        }
        d.schedule(session.id(), request.coTherapistId());
        em.flush();
        audit.success("disclosure.schedule", RECORD, id);
        return view(d);
    }

    public DisclosureResponse complete(UUID coupleId, UUID id, DisclosureCompletionRequest request) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        Disclosure d = find(coupleId, id);
        LocalDate today = today(couple.getClinic());
        LocalDate on = request.disclosedOn();
        if (on == null) {
            // The session's day, unless it is still to come (the therapist records it took place, so: today).
            on = d.getSessionId() == null ? today : sessions.ofCouple(coupleId, d.getSessionId())
                    .map(s -> LocalDate.ofInstant(s.startsAt(), couple.getClinic().getTimeZone()))
                    .filter(day -> !day.isAfter(today)).orElse(today);
        }
        PastDay.requireNotAfter(on, today, "disclosedOn");
        d.disclosed(on);
        em.flush();
        audit.success("disclosure.complete", RECORD, id);
        return view(d);
    }

    /** A therapist records the betrayed partner's agreement, given in person, and the document is destroyed. */
    public DisclosureResponse destroyAgreedInSession(UUID coupleId, UUID id) {
        couples.requireVisible(access.reach(), coupleId);
        return destroy(find(coupleId, id), DestructionAgreement.IN_SESSION);
    }

    // --- the partners, through their own app ---

    /** The couple's disclosures as either partner sees them: dates and status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DisclosureResponse> mine() {
        PartnerBindings.Bound me = access.me();
        List<DisclosureResponse> all = ofCouple(me.coupleId()).stream().map(this::view).toList();
        audit.success("disclosure.list-own", "partner", me.partnerId());
        return all;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DisclosureDocumentResponse myDocument(UUID id) {
        Disclosure d = disclosingPartnerFind(id);
        audit.success("disclosure.read-document", RECORD, id);
        return documentOf(d);
    }

    public DisclosureDocumentResponse writeMyDocument(UUID id, long expectedVersion, String text) {
        return write(disclosingPartnerFind(id), expectedVersion, text);
    }

    /** The betrayed partner reads the questions they wrote; the partner in recovery reads them to answer them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DisclosureQuestionResponse> myQuestions(UUID id) {
        Disclosure d = find(access.me().coupleId(), id);
        audit.success("disclosure.list-questions", RECORD, id);
        return questionsOf(d);
    }

    public DisclosureQuestionResponse ask(UUID id, String text) {
        PartnerBindings.Bound me = access.me();
        Disclosure d = find(me.coupleId(), id);
        requireBetrayed(d, me, "Only the betrayed partner asks the questions the disclosure answers.");
        d.requirePlanning("The questions are closed once the disclosure has taken place.");
        int number = nextQuestionNumber(d.getId());
        DisclosureQuestion q = new DisclosureQuestion(d.getClinicId(), d.getId(), me.partnerId(), number);
        q.write(cipher.sealerFor(d.getClinicId()).seal(QUESTION, q.getId(), text.strip()));
        em.persist(q);
        em.flush();
        audit.success("disclosure.ask", RECORD, id);
        // The answer does not echo the words: a stored idempotent replay of it would outlive a destruction.
        return new DisclosureQuestionResponse(q.getId(), q.getNumber(), q.getAskedBy(), null, q.getCreatedAt());
    }

    /**
     * The betrayed partner withdraws a question of theirs while the disclosure is planned: it is deleted, so the
     * partner in recovery no longer reads it (to change one, withdraw it and ask anew). Audited, without its words.
     */
    public void withdraw(UUID id, UUID questionId) {
        PartnerBindings.Bound me = access.me();
        Disclosure d = find(me.coupleId(), id);
        requireBetrayed(d, me, "Only the betrayed partner withdraws the questions they asked.");
        lock(d.getId());
        em.refresh(d);
        d.requirePlanning("The questions are closed once the disclosure has taken place.");
        DisclosureQuestion q = em.find(DisclosureQuestion.class, questionId);
        if (q == null || !q.getDisclosureId().equals(d.getId()) || !q.getAskedBy().equals(me.partnerId())) {
            throw Problems.notFound("question");
        }
        em.remove(q);
        em.flush();
        audit.success("disclosure.withdraw-question", RECORD, id, "question " + q.getNumber());
    }

    /** The betrayed partner agrees, in their app, and the document and the questions are destroyed now. */
    public DisclosureResponse agreeToDestruction(UUID id) {
        PartnerBindings.Bound me = access.me();
        Disclosure d = find(me.coupleId(), id);
        requireBetrayed(d, me, "Only the betrayed partner decides that the document is destroyed.");
        return destroy(d, DestructionAgreement.BY_PARTNER);
    }

    /**
     * The demo couple's disclosure, once: discovered, disclosed and destroyed as agreed in session, so that only its
     * metadata is left, as in a real record after the work. False when the couple has one already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean demo(UUID clinicId, UUID coupleId, UUID disclosing, UUID betrayed, LocalDate discovered,
            LocalDate disclosed) {
        if (!ofCouple(coupleId).isEmpty()) {
            return false;
        }
        Disclosure d = new Disclosure(clinicId, coupleId, disclosing, betrayed, discovered, "demo");
        d.writeDocument(cipher.sealerFor(clinicId).seal(DOCUMENT, d.getId(), "(read aloud on " + disclosed + ")"));
        d.disclosed(disclosed);
        d.destroy(DestructionAgreement.IN_SESSION, "demo");
        em.persist(d);
        return true;
    }

    // --- shared steps ---

    private DisclosureDocumentResponse write(Disclosure d, long expectedVersion, String text) {
        lock(d.getId());
        em.refresh(d);
        Versions.requireCurrent(expectedVersion, d.getVersion());
        d.writeDocument(cipher.sealerFor(d.getClinicId()).seal(DOCUMENT, d.getId(), text));
        em.flush();
        audit.success("disclosure.write-document", RECORD, d.getId());
        return new DisclosureDocumentResponse(d.getId(), text, d.getDocumentUpdatedAt(), d.getVersion());
    }

    private DisclosureResponse destroy(Disclosure d, DestructionAgreement agreement) {
        lock(d.getId());
        em.refresh(d);
        d.destroy(agreement, caller.subject());
        em.createQuery("update DisclosureQuestion set text = null where disclosureId = :id")
                .setParameter("id", d.getId()).executeUpdate();
        em.flush();
        audit.success("disclosure.destroy", RECORD, d.getId());
        return view(d);
    }

    private DisclosureDocumentResponse documentOf(Disclosure d) {
        if (d.getStatus() == DisclosureStatus.DESTROYED) {
            throw Problems.gone("disclosure-destroyed", "The document was destroyed with the betrayed partner's"
                    + " agreement.");
        }
        String text = d.hasDocument() ? d.openDocument(cipher, DOCUMENT) : null;
        return new DisclosureDocumentResponse(d.getId(), text, d.getDocumentUpdatedAt(), d.getVersion());
    }

    private List<DisclosureQuestionResponse> questionsOf(Disclosure d) {
        List<DisclosureQuestionResponse> out = new ArrayList<>();
        for (DisclosureQuestion q : questionRows(d.getId())) {
            out.add(new DisclosureQuestionResponse(q.getId(), q.getNumber(), q.getAskedBy(), q.open(cipher, QUESTION),
                    q.getCreatedAt()));
        }
        return out;
    }

    private List<DisclosureQuestion> questionRows(UUID disclosureId) {
        return em.createQuery("from DisclosureQuestion where disclosureId = :id order by number",
                DisclosureQuestion.class).setParameter("id", disclosureId).getResultList();
    }

    private int nextQuestionNumber(UUID disclosureId) {
        lock(disclosureId);
        Integer max = em.createQuery("select max(q.number) from DisclosureQuestion q where q.disclosureId = :id",
                Integer.class).setParameter("id", disclosureId).getSingleResult();
        int next = max == null ? 1 : max + 1;
        if (next > MAX_QUESTIONS) {
            throw new Conflict("disclosure-questions-full", "Too Many Questions",
                    "A disclosure collects at most " + MAX_QUESTIONS + " questions.");
        }
        return next;
    }

    private DisclosureResponse view(Disclosure d) {
        DisclosureSession session = null;
        if (d.getSessionId() != null) {
            session = sessions.ofCouple(d.getCoupleId(), d.getSessionId())
                    .map(s -> new DisclosureSession(s.id(), s.startsAt(), s.endsAt(),
                            List.of(s.therapistId(), d.getCoTherapistId())))
                    .orElse(null);
        }
        int questions = em.createQuery("select count(q) from DisclosureQuestion q where q.disclosureId = :id",
                Long.class).setParameter("id", d.getId()).getSingleResult().intValue();
        return new DisclosureResponse(d.getId(), d.getCoupleId(), d.getDisclosingPartnerId(),
                d.getBetrayedPartnerId(), d.getStatus(), d.getDiscoveredOn(), d.hasDocument(),
                d.getDocumentUpdatedAt(), questions, session, d.getDisclosedOn(), d.getDestroyedAt(),
                d.getDestructionAgreement(), d.getCreatedAt(), d.getUpdatedAt(), d.getVersion());
    }

    private List<Disclosure> ofCouple(UUID coupleId) {
        return em.createQuery("from Disclosure where coupleId = :couple order by createdAt desc", Disclosure.class)
                .setParameter("couple", coupleId).getResultList();
    }

    private Disclosure find(UUID coupleId, UUID id) {
        Disclosure d = em.find(Disclosure.class, id);
        if (d == null || !d.getCoupleId().equals(coupleId)) {
            throw Problems.notFound(RECORD);
        }
        return d;
    }

    private Disclosure staffFind(UUID coupleId, UUID id) {
        couples.requireVisible(access.reach(), coupleId);
        return find(coupleId, id);
    }

    /** The document and the questions are for the couple's own therapists: an admin sees that they exist. */
    private Disclosure treatingFind(UUID coupleId, UUID id) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        Disclosure d = find(coupleId, id);
        UUID therapist = caller.therapistId().orElse(null);
        if (therapist == null || !couple.isTreatedBy(therapist)) {
            throw Problems.forbidden("forbidden", "Only the couple's therapists read the disclosure's words.");
        }
        return d;
    }

    private Disclosure disclosingPartnerFind(UUID id) {
        PartnerBindings.Bound me = access.me();
        Disclosure d = find(me.coupleId(), id);
        if (!d.getDisclosingPartnerId().equals(me.partnerId())) {
            throw Problems.forbidden("disclosure-document-private", "The disclosure document is read aloud to you"
                    + " in session; it is not shown in the app.");
        }
        return d;
    }

    private static void requireBetrayed(Disclosure d, PartnerBindings.Bound me, String detail) {
        if (!d.getBetrayedPartnerId().equals(me.partnerId())) {
            throw Problems.forbidden("forbidden", detail);
        }
    }

    private static Partner byRole(Couple couple, RecoveryRole role) {
        List<Partner> found = couple.getPartners().stream().filter(p -> p.getRecoveryRole() == role).toList();
        if (found.size() != 1) {
            throw new Conflict("recovery-roles-missing", "Recovery Roles Missing", "A disclosure needs one partner"
                    + " IN_RECOVERY and one PARTNER: record the partners' recovery roles on the couple first.");
        }
        return found.get(0);
    }

    private void lock(UUID disclosureId) {
        RowLock.lock(em, "disclosure", disclosureId);
    }

    private static LocalDate today(Clinic clinic) {
        return LocalDate.now(clinic.getTimeZone());
    }
}
