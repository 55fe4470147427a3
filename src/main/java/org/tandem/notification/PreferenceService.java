package org.tandem.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.apache.commons.codec.digest.DigestUtils;
import org.tandem.audit.AuditLog;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Versions;
import org.tandem.notification.PreferenceApi.PreferencesRequest;
import org.tandem.notification.PreferenceApi.PreferencesResponse;
import org.tandem.notification.PreferenceApi.QuietHours;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;
import org.tandem.security.PartnerBindings;

/** A partner's or a therapist's choices, through their own API or one click in a message. */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class PreferenceService {

    static final String RECORD = "notification-preference";

    private final EntityManager em;
    private final AccessPolicy access;
    private final Caller caller;
    private final AuditLog audit;
    private final Notifications notifications;

    /** Whose choices the caller makes: a partner's own, or a therapist's own. */
    private record Person(UUID id, UUID clinicId, boolean therapist) {
    }

    private Person me() {
        if (caller.isPartner()) {
            PartnerBindings.Bound me = access.me();
            return new Person(me.partnerId(), me.clinicId(), false);
        }
        UUID therapist = caller.therapistId().orElseThrow(() -> Problems.forbidden("forbidden",
                "Only a partner or a therapist signed in themselves has notification preferences."));
        return new Person(therapist, caller.clinicId(), true);
    }

    public PreferencesResponse mine() {
        Person me = me();
        NotificationPreference p = em.find(NotificationPreference.class, me.id());
        audit.success("notification-preference.read", RECORD, me.id());
        return view(p == null ? new NotificationPreference(me.id(), me.clinicId(), me.therapist()) : p);
    }

    public PreferencesResponse choose(long expectedVersion, PreferencesRequest r) {
        Person me = me();
        NotificationPreference p = locked(me.id());
        Versions.requireCurrent(expectedVersion, p == null ? 0 : p.getVersion());
        if (p == null) {
            p = new NotificationPreference(me.id(), me.clinicId(), me.therapist());
            em.persist(p);
        }
        String before = p.getReminderOffsets();
        String offsets = ReminderOffsets.format(ReminderOffsets.parse(r.reminderOffsets(), "reminderOffsets"));
        QuietHours q = r.quietHours();
        p.choose(r.email(), r.reminders(), r.sms(), q == null ? null : q.from(), q == null ? null : q.until(),
                offsets);
        em.flush();
        if (!me.therapist() && !java.util.Objects.equals(before, offsets)) {
            notifications.replanReminders(me.clinicId(), me.id());
        }
        audit.success("notification-preference.change", RECORD, me.id());
        return view(p);
    }

    /** The one-click link of a message: no more e-mail for its partner. Unknown or used tokens are 404. */
    public void unsubscribe(String token, String clientAddress) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw Problems.notFound("unsubscribe link");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select partner_id, therapist_id, clinic_id from notification"
                + " where unsubscribe_hash = ?1").setParameter(1, sha256(token)).setMaxResults(1).getResultList();
        if (rows.isEmpty()) {
            throw Problems.notFound("unsubscribe link");
        }
        UUID therapist = BinaryUuids.of((byte[]) rows.get(0)[1]);
        UUID person = therapist != null ? therapist : BinaryUuids.of((byte[]) rows.get(0)[0]);
        UUID clinic = BinaryUuids.of((byte[]) rows.get(0)[2]);
        NotificationPreference p = locked(person);
        if (p == null) {
            p = new NotificationPreference(person, clinic, therapist != null);
            em.persist(p);
        }
        p.unsubscribe();
        em.flush();
        audit.system(clinic, "unsubscribe-link", "notification-preference.unsubscribe", RECORD, person,
                clientAddress);
    }

    /**
     * The person's row, locked until the transaction ends (two changes serialize), or null without one. A native
     * lock: Hibernate's MySQL dialect writes "for update of", which MariaDB does not know.
     */
    private NotificationPreference locked(UUID person) {
        boolean exists = !em.createNativeQuery("select person_id from notification_preference where person_id = ?1"
                + " for update").setParameter(1, BinaryUuids.bytes(person)).getResultList().isEmpty();
        return exists ? em.find(NotificationPreference.class, person) : null;
    }

    static byte[] sha256(String token) {
        return DigestUtils.sha256(token);
    }

    private PreferencesResponse view(NotificationPreference p) {
        List<String> own = ReminderOffsets.show(ReminderOffsets.read(p.getReminderOffsets()));
        return new PreferencesResponse(p.isEmailEnabled(), p.isRemindersEnabled(), p.isSmsEnabled(),
                p.getQuietFrom() == null ? null : new QuietHours(p.getQuietFrom(), p.getQuietUntil()), own,
                p.isTherapist() ? null : ReminderOffsets.show(notifications.offsetsFor(p.getPersonId())),
                p.getVersion());
    }
}
