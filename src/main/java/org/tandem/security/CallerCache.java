package org.tandem.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.tandem.staff.StaffMember;

/**
 * The clinic and therapist ids behind a token, remembered for a few minutes, so a request does not look them up
 * (in a transaction of its own) every time. The key holds everything the lookup depends on: a token naming another
 * clinic, or a changed name or email, misses and goes to the database, where a clinic change is refused. Ids never
 * change, so a remembered entry cannot grant anything the database would not; a deactivation is checked before
 * the cache ({@link org.tandem.staff.StaffRevocations}).
 */
@ApplicationScoped
public class CallerCache {

    /** What a resolution depends on: the token's clinic, subject, roles and profile claims. */
    record Key(String clinicKey, String subject, StaffMember.Profile profile) {
    }

    private final Cache<Key, CallerDirectory.Resolved> entries = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(10_000).build();

    CallerDirectory.Resolved get(Key key) {
        return entries.getIfPresent(key);
    }

    void put(Key key, CallerDirectory.Resolved resolved) {
        entries.put(key, resolved);
    }
}
