package org.tandem.letter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.InvalidField;
import org.tandem.common.PastDay;
import org.tandem.common.persistence.RowLock;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Versions;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.Partner;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;
import org.tandem.letter.LetterApi.LetterResponse;
import org.tandem.letter.LetterApi.NewLetterRequest;
import org.tandem.security.AccessPolicy;
import org.tandem.security.PartnerBindings;

/**
 * The impact and restitution letters. A partner writes their own through their app; the author and the couple's
 * therapists read it, the other partner only once it was shared or read aloud in session (until then it does not
 * exist for them); an admin sees that it exists. Reads and writes are audited; the words are sealed.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class LetterService {

    static final String RECORD = "letter";
    private static final String PURPOSE = SealedColumn.LETTER_CONTENT.purpose();

    private final EntityManager em;
    private final CoupleRepository couples;
    private final AccessPolicy access;
    private final ClinicCipher cipher;
    private final AuditLog audit;

    public LetterResponse write(NewLetterRequest request) {
        PartnerBindings.Bound me = access.me();
        Couple couple = couples.requireVisibleWithPartners(access.reach(), me.coupleId());
        Partner author = couple.findPartner(me.partnerId()).orElseThrow(() -> Problems.notFound("partner"));
        if (author.getRecoveryRole() != request.kind().author()) {
            throw new InvalidField("kind", request.kind() == LetterKind.IMPACT
                    ? "an impact letter is the betrayed partner's (recovery role PARTNER)"
                    : "a restitution letter is the partner in recovery's (recovery role IN_RECOVERY)");
        }
        RecoveryLetter letter = new RecoveryLetter(me.clinicId(), me.coupleId(), me.partnerId(), request.kind());
        letter.write(seal(letter, request.text()));
        em.persist(letter);
        em.flush();
        audit.success("letter.write", RECORD, letter.getId());
        return view(letter, true);
    }

    public LetterResponse rewrite(UUID id, long expectedVersion, String text) {
        RecoveryLetter letter = ownLocked(id);
        Versions.requireCurrent(expectedVersion, letter.getVersion());
        letter.write(seal(letter, text));
        em.flush();
        audit.success("letter.write", RECORD, id);
        return view(letter, true);
    }

    public LetterResponse share(UUID id) {
        RecoveryLetter letter = ownLocked(id);
        letter.share();
        em.flush();
        audit.success("letter.share", RECORD, id);
        return view(letter, true);
    }

    /** The partner's own letters and those of the other partner they may read, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LetterResponse> mine() {
        PartnerBindings.Bound me = access.me();
        List<LetterResponse> found = em.createQuery("from RecoveryLetter where coupleId = :couple and"
                + " (authorPartnerId = :me or sharedAt is not null or readInSessionOn is not null)"
                + " order by createdAt desc", RecoveryLetter.class).setParameter("couple", me.coupleId())
                .setParameter("me", me.partnerId()).getResultList().stream().map(l -> view(l, true)).toList();
        audit.success("letter.list-own", "partner", me.partnerId());
        return found;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LetterResponse myLetter(UUID id) {
        PartnerBindings.Bound me = access.me();
        RecoveryLetter letter = find(me.coupleId(), id);
        if (!letter.getAuthorPartnerId().equals(me.partnerId()) && !letter.isOpenToOther()) {
            throw Problems.notFound(RECORD);
        }
        audit.success("letter.read", RECORD, id);
        return view(letter, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LetterResponse> forCouple(UUID coupleId) {
        couples.requireVisible(access.reach(), coupleId);
        boolean words = access.seesClinicalText();
        List<LetterResponse> found = em.createQuery("from RecoveryLetter where coupleId = :couple"
                + " order by createdAt desc", RecoveryLetter.class).setParameter("couple", coupleId).getResultList()
                .stream().map(l -> view(l, words)).toList();
        audit.success("letter.list", "couple", coupleId);
        return found;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LetterResponse get(UUID coupleId, UUID id) {
        couples.requireVisible(access.reach(), coupleId);
        RecoveryLetter letter = find(coupleId, id);
        audit.success("letter.read", RECORD, id);
        return view(letter, access.seesClinicalText());
    }

    /** A therapist records that the letter was read aloud in session: the other partner may read it from then on. */
    public LetterResponse readInSession(UUID coupleId, UUID id, LocalDate readOn) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        find(coupleId, id);
        RecoveryLetter letter = locked(id);
        LocalDate today = LocalDate.now(couple.getClinic().getTimeZone());
        LocalDate on = PastDay.orToday(readOn, today, "readOn");
        letter.readInSession(on);
        em.flush();
        audit.success("letter.read-in-session", RECORD, id);
        return view(letter, true);
    }

    /** A demo letter, read aloud in session on {@code readOn}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void demo(UUID clinicId, UUID coupleId, UUID author, LetterKind kind, String text, LocalDate readOn) {
        RecoveryLetter letter = new RecoveryLetter(clinicId, coupleId, author, kind);
        letter.write(seal(letter, text));
        letter.readInSession(readOn);
        em.persist(letter);
    }

    private RecoveryLetter ownLocked(UUID id) {
        PartnerBindings.Bound me = access.me();
        RecoveryLetter letter = find(me.coupleId(), id);
        if (!letter.getAuthorPartnerId().equals(me.partnerId())) {
            if (letter.isOpenToOther()) {
                throw Problems.forbidden("forbidden", "Only the letter's author changes or shares it.");
            }
            throw Problems.notFound(RECORD);
        }
        return locked(id);
    }

    private RecoveryLetter locked(UUID id) {
        RowLock.lock(em, "recovery_letter", id);
        RecoveryLetter letter = em.find(RecoveryLetter.class, id);
        em.refresh(letter);
        return letter;
    }

    private RecoveryLetter find(UUID coupleId, UUID id) {
        RecoveryLetter letter = em.find(RecoveryLetter.class, id);
        if (letter == null || !letter.getCoupleId().equals(coupleId)) {
            throw Problems.notFound(RECORD);
        }
        return letter;
    }

    private ClinicCipher.Sealed seal(RecoveryLetter letter, String text) {
        return cipher.sealerFor(letter.getClinicId()).seal(PURPOSE, letter.getId(), text);
    }

    private LetterResponse view(RecoveryLetter l, boolean words) {
        return new LetterResponse(l.getId(), l.getCoupleId(), l.getAuthorPartnerId(), l.getKind(),
                words ? l.open(cipher, PURPOSE) : null, l.getSharedAt(), l.getReadInSessionOn(), l.isOpenToOther(),
                l.getCreatedAt(), l.getUpdatedAt(), l.getVersion());
    }
}
