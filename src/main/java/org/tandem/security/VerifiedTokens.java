package org.tandem.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.codec.digest.DigestUtils;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;

/**
 * Remembers the access tokens Quarkus OIDC has verified, so a token's signature and claims are checked once, not on
 * every request: {@link RememberedTokenMechanism}, ahead of Quarkus OIDC's mechanism, finds a token seen before and
 * this {@link IdentityProvider} answers it from memory; an {@link SecurityIdentityAugmentor} remembers each identity
 * Quarkus verified. A token not remembered goes to Quarkus OIDC as if this class did not exist.
 *
 * <p>The key is the token's SHA-256; the entry keeps the token's claims (as parsed once, without the raw token
 * Quarkus adds to them), roles and the tenant's attributes, never the token itself (each request's identity gets
 * that request's own token). An entry ends when its token expires, and the cache is bounded
 * ({@link TokenCacheConfig}). Nothing that can revoke a valid token is skipped: staff deactivation and partner
 * revocation are checked per request by {@link Caller}, after this. A token that fails verification is never
 * remembered, and any change to a token changes its hash. Tandem's access rules use roles and claims, not Quarkus
 * permission checkers, so the identity carries none.
 *
 * <p>{@link OidcJwtCallerPrincipal} is Quarkus's runtime class, not a public API; it is what its
 * {@code JsonWebToken} producer expects, and every authenticated test request goes through this path.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<VerifiedTokens.Remembered> {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(VerifiedTokens.class);
    /** Marks an identity answered from the cache, so it is not remembered again. */
    static final String FROM_CACHE = "tandem.token-cache";
    private static final Set<String> PER_REQUEST = Set.of(RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName());

    /**
     * What a verified token established: its claims as Quarkus left them (custom claims already JSON-P values, which
     * are immutable), roles and the tenant's attributes. Each request gets claims of its own, copied from these, so
     * no request sees another's changes and none parses the token's JSON again.
     */
    private record Verified(Map<String, Object> claims, Set<String> roles, Map<String, Object> attributes,
            long expiresAt) {

        JwtClaims claimsForRequest(String token) {
            JwtClaims copy = new JwtClaims();
            claims.forEach(copy::setClaim);
            copy.setClaim(Claims.raw_token.name(), token);
            return copy;
        }
    }

    /** A bearer token this replica has verified before, with what the verification established. */
    static final class Remembered extends BaseAuthenticationRequest {

        private final String token;
        private final Verified verified;

        private Remembered(String token, Verified verified) {
            this.token = token;
            this.verified = verified;
        }

        @Override
        public String toString() {
            return "Remembered[redacted]";
        }
    }

    private final Cache<ByteBuffer, Verified> verified;

    VerifiedTokens(TokenCacheConfig config, MeterRegistry registry) {
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.maxSize())
                .expireAfter(Expiry.<ByteBuffer, Verified>creating((key, entry) ->
                        java.time.Duration.between(Instant.now(), Instant.ofEpochSecond(entry.expiresAt()))))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, verified, "tandem.token-cache");
    }

    /** The remembered verification of {@code token}, or null: unknown, forgotten, or expired. */
    Remembered recall(String token) {
        if (token == null) {
            return null;
        }
        Verified entry = verified.getIfPresent(hash(token));
        if (entry == null || Instant.now().getEpochSecond() >= entry.expiresAt()) {
            return null;
        }
        return new Remembered(token, entry);
    }

    @Override
    public Class<Remembered> getRequestType() {
        return Remembered.class;
    }

    /**
     * The identity of a remembered token, as Quarkus OIDC built it when it verified the token. The credential is an
     * {@link AccessTokenCredential} made without the token (made with it, it decodes the token's JSON again); the
     * principal carries the token as its raw token, as Quarkus's does.
     */
    @Override
    public Uni<SecurityIdentity> authenticate(Remembered request, AuthenticationRequestContext context) {
        Verified entry = request.verified;
        if (Instant.now().getEpochSecond() >= entry.expiresAt()) {
            return Uni.createFrom().nullItem(); // expired since it was recalled: refused, as Quarkus OIDC would
        }
        AccessTokenCredential credential = new AccessTokenCredential();
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new OidcJwtCallerPrincipal(entry.claimsForRequest(request.token), credential))
                .addCredential(credential)
                .addRoles(entry.roles())
                .addAttributes(entry.attributes())
                .addAttribute(AuthenticationRequestContext.class.getName(), context)
                .addAttribute(FROM_CACHE, Boolean.TRUE);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
        }
        return Uni.createFrom().item(identity.build());
    }

    /** Remembers each identity Quarkus OIDC has just verified, before any other augmentor adds to it. */
    @ApplicationScoped
    static class Remember implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        Remember(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            try {
                tokens.remember(identity);
            } catch (RuntimeException e) {
                // Not remembered: the token is verified in full next time. Never a reason to refuse a valid token.
                LOG.debugf("A verified token was not remembered (%s)", e.getClass().getSimpleName());
            }
            return Uni.createFrom().item(identity);
        }

        @Override
        public int priority() {
            return 2000;
        }
    }

    /** Remembers an identity Quarkus OIDC has just verified from a signed access token. */
    void remember(SecurityIdentity identity) {
        if (identity.isAnonymous() || identity.getAttribute(FROM_CACHE) != null
                || !(identity.getPrincipal() instanceof OidcJwtCallerPrincipal jwt)) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        long expiresAt = jwt.getExpirationTime();
        if (credential == null || credential.isOpaque() || expiresAt <= Instant.now().getEpochSecond()) {
            return;
        }
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.keySet().removeAll(PER_REQUEST);
        Map<String, Object> claims = new LinkedHashMap<>(jwt.getClaims().getClaimsMap());
        claims.remove(Claims.raw_token.name()); // the token itself is never kept; each request brings its own
        claims = Collections.unmodifiableMap(claims);
        verified.put(hash(credential.getToken()), new Verified(claims, Set.copyOf(identity.getRoles()),
                Map.copyOf(attributes), expiresAt));
    }

    /** What is remembered of {@code token}'s claims, for the tests: null when it is not remembered. */
    Map<String, Object> rememberedClaims(String token) {
        Verified entry = verified.getIfPresent(hash(token));
        return entry == null ? null : entry.claims();
    }

    private static ByteBuffer hash(String token) {
        return ByteBuffer.wrap(DigestUtils.sha256(token));
    }
}
