package org.tandem.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Versions;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.notification.PreferenceApi.PreferencesRequest;
import org.tandem.notification.PreferenceApi.PreferencesResponse;
import org.tandem.notification.PreferenceApi.QuietHours;
import org.tandem.security.AccessPolicy;
import org.tandem.security.PartnerBindings;

/** A partner's choices, through their own API or one click in a message. */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class PreferenceService {

    static final String RECORD = "notification-preference";

    private final EntityManager em;
    private final AccessPolicy access;
    private final AuditLog audit;

    public PreferencesResponse mine() {
        PartnerBindings.Bound me = access.me();
        NotificationPreference p = em.find(NotificationPreference.class, me.partnerId());
        audit.success("notification-preference.read", RECORD, me.partnerId());
        return p == null ? new PreferencesResponse(true, true, true, null, 0) : view(p);
    }

    public PreferencesResponse choose(long expectedVersion, PreferencesRequest r) {
        PartnerBindings.Bound me = access.me();
        NotificationPreference p = locked(me.partnerId());
        Versions.requireCurrent(expectedVersion, p == null ? 0 : p.getVersion());
        if (p == null) {
            p = new NotificationPreference(me.partnerId(), me.clinicId());
            em.persist(p);
        }
        QuietHours q = r.quietHours();
        p.choose(r.email(), r.reminders(), r.sms(), q == null ? null : q.from(), q == null ? null : q.until());
        em.flush();
        audit.success("notification-preference.change", RECORD, me.partnerId());
        return view(p);
    }

    /** The one-click link of a message: no more e-mail for its partner. Unknown or used tokens are 404. */
    public void unsubscribe(String token, String clientAddress) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw Problems.notFound("unsubscribe link");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select partner_id, clinic_id from notification where"
                + " unsubscribe_hash = ?1").setParameter(1, sha256(token)).setMaxResults(1).getResultList();
        if (rows.isEmpty()) {
            throw Problems.notFound("unsubscribe link");
        }
        UUID partner = BinaryUuids.of((byte[]) rows.get(0)[0]);
        UUID clinic = BinaryUuids.of((byte[]) rows.get(0)[1]);
        NotificationPreference p = locked(partner);
        if (p == null) {
            p = new NotificationPreference(partner, clinic);
            em.persist(p);
        }
        p.unsubscribe();
        em.flush();
        audit.system(clinic, "unsubscribe-link", "notification-preference.unsubscribe", RECORD, partner,
                clientAddress);
    }

    /**
     * The partner's row, locked until the transaction ends (two changes serialize), or null without one. A native
     * lock: Hibernate's MySQL dialect writes "for update of", which MariaDB does not know.
     */
    private NotificationPreference locked(UUID partner) {
        boolean exists = !em.createNativeQuery("select partner_id from notification_preference where partner_id = ?1"
                + " for update").setParameter(1, BinaryUuids.bytes(partner)).getResultList().isEmpty();
        return exists ? em.find(NotificationPreference.class, partner) : null;
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static PreferencesResponse view(NotificationPreference p) {
        return new PreferencesResponse(p.isEmailEnabled(), p.isRemindersEnabled(), p.isSmsEnabled(),
                p.getQuietFrom() == null ? null : new QuietHours(p.getQuietFrom(), p.getQuietUntil()), p.getVersion());
    }
}
