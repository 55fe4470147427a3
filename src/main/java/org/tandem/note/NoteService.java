package org.tandem.note;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.consent.FirstSessionConsents;
import org.tandem.audit.AuditLog;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Versions;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.KeyUnavailableException;
import org.tandem.note.NoteApi.Access;
import org.tandem.note.NoteApi.AddendumRequest;
import org.tandem.note.NoteApi.AddendumResponse;
import org.tandem.note.NoteApi.NoteContent;
import org.tandem.note.NoteApi.NoteHistory;
import org.tandem.note.NoteApi.NoteRequest;
import org.tandem.note.NoteApi.NoteResponse;
import org.tandem.note.NoteApi.RevisionEntry;
import org.tandem.scheduling.SessionRepository;
import org.tandem.scheduling.SessionStatus;
import org.tandem.scheduling.TherapySession;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;
import org.tandem.therapist.Therapist;
import org.tandem.therapist.TherapistRef;
import org.tandem.therapist.TherapistRepository;
import org.tandem.webhook.Outbox;
import org.tandem.webhook.WebhookEvent;

/**
 * Session notes. Who may read what is decided in {@link #access} and nowhere else: the author always; the couple's
 * other therapists unless it is a psychotherapy note; admins only the metadata; nobody else. Every read and change
 * is audited.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class NoteService {

    static final String RECORD = "note";
    private static final String BODY = org.tandem.crypto.SealedColumn.NOTE_BODY.purpose();
    private static final String ADDENDUM = org.tandem.crypto.SealedColumn.ADDENDUM_BODY.purpose();

    private final NoteRepository notes;
    private final SessionRepository sessions;
    private final TherapistRepository therapists;
    private final ClinicCipher cipher;
    private final ObjectMapper json;
    private final Caller caller;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Outbox outbox;
    private final FirstSessionConsents consents;

    /** The session's therapist writes its note; one note per session. */
    public NoteResponse create(UUID sessionId, NoteRequest request) {
        TherapySession session = visibleSession(sessionId);
        Therapist me = therapists.findById(caller.therapistId().orElseThrow(NoteService::onlyTheSessionsTherapist));
        if (!session.getTherapist().getId().equals(me.getId())) {
            throw onlyTheSessionsTherapist();
        }
        if (session.getStatus() == SessionStatus.CANCELLED) {
            throw Problems.conflict("session-cancelled", "Session Cancelled", "A cancelled session has no note.");
        }
        if (notes.forSession(sessionId).isPresent()) {
            throw Problems.conflict("note-exists", "Note Exists",
                    "This session already has a note; edit it with PUT and If-Match.");
        }
        if (!sessions.hasOtherCompleted(session.getCouple().getId(), sessionId)) {
            consents.require(session.getCouple());
        }
        checkSections(request);
        SessionNote note = new SessionNote(session, me, request.template(), Boolean.TRUE.equals(request.psychotherapy()));
        note.saveDraft(request.template(), note.isPsychotherapy(),
                seal(cipher.sealerFor(session.getClinic().getId()), note, request.content()));
        notes.persist(note);
        notes.persistRevision(new NoteRevision(note, me));
        notes.flush();
        audit.success("note.create", recordType(note), note.getId());
        return response(note, Access.FULL);
    }

    public NoteResponse get(UUID sessionId) {
        SessionNote note = load(sessionId);
        Access access = accessTo(note);
        audit.success(access == Access.FULL ? "note.read" : "note.read-metadata", recordType(note), note.getId());
        return response(note, access);
    }

    public NoteResponse update(UUID sessionId, long expectedVersion, NoteRequest request) {
        SessionNote note = authorsNote(sessionId);
        Versions.requireCurrent(expectedVersion, note.getVersion());
        checkSections(request);
        // Whether a note is a psychotherapy note is settled when it is written: switching would either expose a
        // private draft to the co-therapists or hide a note whose events they and the admins have already seen.
        if (request.psychotherapy() != null && request.psychotherapy() != note.isPsychotherapy()) {
            throw Problems.conflict("note-kind-fixed", "Note Kind Fixed", "Whether a note is a psychotherapy note is"
                    + " chosen when it is written. Write the other kind as a note of another session.");
        }
        note.saveDraft(request.template(), note.isPsychotherapy(),
                seal(cipher.sealerFor(note.getClinicId()), note, request.content()));
        // The versioned update first: a concurrent editor who slipped past the If-Match check fails here with 412,
        // not later on the revision's unique key (Hibernate would otherwise run the insert first).
        notes.flush();
        notes.persistRevision(new NoteRevision(note, note.getAuthor()));
        notes.flush();
        audit.success("note.update", recordType(note), note.getId());
        return response(note, Access.FULL);
    }

    public NoteResponse sign(UUID sessionId, long expectedVersion) {
        SessionNote note = authorsNote(sessionId);
        Versions.requireCurrent(expectedVersion, note.getVersion());
        note.sign(Instant.now());
        notes.flush();
        audit.success("note.sign", recordType(note), note.getId());
        // Metadata only: which note of which session was signed, never a word of it. A psychotherapy note is its
        // author's alone, so not even its signing is announced.
        if (!note.isPsychotherapy()) {
            outbox.publish(note.getClinicId(), WebhookEvent.NOTE_SIGNED, java.util.Map.of("noteId", note.getId(),
                    "sessionId", sessionId));
        }
        return response(note, Access.FULL);
    }

    public NoteResponse cosign(UUID sessionId, long expectedVersion) {
        SessionNote note = load(sessionId);
        if (accessTo(note) != Access.FULL || caller.therapistId().isEmpty()) {
            throw Problems.forbidden("forbidden", "A co-signature comes from another therapist of the couple.");
        }
        Versions.requireCurrent(expectedVersion, note.getVersion());
        note.cosign(therapists.findById(caller.therapistId().get()), Instant.now());
        notes.flush();
        audit.success("note.cosign", recordType(note), note.getId());
        return response(note, Access.FULL);
    }

    /** Adds to a signed note. The author and, unless it is a psychotherapy note, the couple's other therapists. */
    public NoteResponse addAddendum(UUID sessionId, AddendumRequest request) {
        SessionNote note = load(sessionId);
        if (accessTo(note) != Access.FULL || caller.therapistId().isEmpty()) {
            throw Problems.forbidden("forbidden", "Addenda are written by the couple's therapists.");
        }
        note.requireSigned();
        NoteAddendum addendum = new NoteAddendum(note, therapists.findById(caller.therapistId().get()));
        addendum.seal(cipher.sealerFor(note.getClinicId()).seal(ADDENDUM, addendum.getId(), request.text()));
        notes.persistAddendum(addendum);
        notes.flush();
        audit.success("note.addendum", recordType(note), note.getId());
        return response(note, Access.FULL);
    }

    /** The draft's saved revisions (who, when) and the addenda: for the author. */
    public NoteHistory history(UUID sessionId) {
        SessionNote note = authorsNote(sessionId);
        List<RevisionEntry> revisions = notes.revisions(note.getId()).stream()
                .map(r -> new RevisionEntry(r.getRevision(), TherapistRef.of(r.getSavedBy()), r.getSavedAt())).toList();
        audit.success("note.history", recordType(note), note.getId());
        return new NoteHistory(note.getId(), revisions, addenda(note, true));
    }

    /** Where the note's events go in the audit log: a psychotherapy note's stay out of every admin's view. */
    private static String recordType(SessionNote note) {
        return note.isPsychotherapy() ? AuditLog.AUTHOR_ONLY : RECORD;
    }

    /** What the caller may see of the note (AccessPolicy#readsNoteText); anyone else is told it does not exist. */
    private Access accessTo(SessionNote note) {
        return access.readsNoteText(note.getAuthor().getId(), note.isPsychotherapy(),
                note.getSession().getCouple()::isTreatedBy, RECORD) ? Access.FULL : Access.METADATA;
    }

    private SessionNote authorsNote(UUID sessionId) {
        SessionNote note = load(sessionId);
        accessTo(note); // 404 for those who may not even know it exists
        if (!access.isAuthor(note.getAuthor().getId())) {
            throw Problems.forbidden("forbidden", "Only the note's author edits, signs or reads the history of it.");
        }
        return note;
    }

    private SessionNote load(UUID sessionId) {
        visibleSession(sessionId);
        return notes.forSession(sessionId).orElseThrow(() -> Problems.notFound(RECORD));
    }

    private TherapySession visibleSession(UUID sessionId) {
        return sessions.findVisible(access.reach(), sessionId).orElseThrow(() -> Problems.notFound("session"));
    }

    private ClinicCipher.Sealed seal(ClinicCipher.Sealer sealer, SessionNote note, NoteContent content) {
        try {
            return sealer.seal(BODY, note.getId(), json.writeValueAsString(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A note body could not be serialized", e);
        }
    }

    private NoteContent open(SessionNote note) {
        String plain = note.openBody(cipher, BODY);
        try {
            return json.readValue(plain, NoteContent.class);
        } catch (JsonProcessingException e) {
            throw new KeyUnavailableException(BODY, "A note body is not readable.");
        }
    }

    private NoteResponse response(SessionNote note, Access access) {
        boolean full = access == Access.FULL;
        return new NoteResponse(note.getId(), note.getSession().getId(), access, note.getTemplate(),
                note.isPsychotherapy(), note.getStatus(), full ? open(note) : null, TherapistRef.of(note.getAuthor()),
                note.getRevision(), note.getSignedAt(), TherapistRef.of(note.getCosignedBy()), note.getCosignedAt(),
                addenda(note, full), note.getVersion(), note.getCreatedAt(), note.getUpdatedAt());
    }

    private List<AddendumResponse> addenda(SessionNote note, boolean withText) {
        return notes.addenda(note.getId()).stream().map(a -> new AddendumResponse(a.getId(), TherapistRef.of(a.getAuthor()),
                a.getCreatedAt(), withText ? a.openBody(cipher, ADDENDUM)
                        : null)).toList();
    }

    private static void checkSections(NoteRequest request) {
        Map<String, String> sections = request.content().sections();
        for (String key : sections.keySet()) {
            if (!request.template().sections().contains(key)) {
                throw Problems.invalid("content.sections." + key, "body",
                        "is not a section of " + request.template() + "; it has " + request.template().sections());
            }
        }
        if (sections.values().stream().allMatch(String::isBlank)) {
            throw Problems.invalid("content.sections", "body", "must have at least one section with text");
        }
    }

    private static RuntimeException onlyTheSessionsTherapist() {
        return Problems.forbidden("forbidden", "Only the session's therapist writes its note.");
    }
}
