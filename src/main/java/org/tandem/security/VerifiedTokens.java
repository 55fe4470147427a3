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
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
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
import org.jose4j.jwt.JwtClaims;

/**
 * Remembers the access tokens Quarkus OIDC has verified, so a token's signature and claims are checked once, not on
 * every request: an {@link IdentityProvider} ahead of Quarkus's answers a token it has seen from memory, and an
 * {@link SecurityIdentityAugmentor} remembers each identity Quarkus verified.
 *
 * <p>The key is the token's SHA-256; the entry keeps the token's claims (as parsed once), roles and the tenant's
 * attributes, never the token itself (each request's identity gets that request's own token). An entry ends when
 * its token expires, and the cache is bounded ({@link TokenCacheConfig}). Nothing that can revoke a valid token is skipped: staff
 * deactivation and partner revocation are checked per request by {@link Caller}, after this. A token that fails
 * verification is never remembered, and any change to a token changes its hash. Tandem's access rules use roles and
 * claims, not Quarkus permission checkers, so the identity carries none.
 *
 * <p>{@link OidcJwtCallerPrincipal} is Quarkus's runtime class, not a public API; it is what its
 * {@code JsonWebToken} producer expects, and every authenticated test request goes through this path.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

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

        JwtClaims claimsForRequest() {
            JwtClaims copy = new JwtClaims();
            claims.forEach(copy::setClaim);
            return copy;
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

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Ahead of Quarkus OIDC's provider (the default priority, 1001), which verifies what this one does not answer. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential credential) || credential.isOpaque()) {
            return Uni.createFrom().nullItem();
        }
        Verified entry = verified.getIfPresent(hash(credential.getToken()));
        if (entry == null || Instant.now().getEpochSecond() >= entry.expiresAt()) {
            return Uni.createFrom().nullItem();
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new OidcJwtCallerPrincipal(entry.claimsForRequest(), credential))
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
        Map<String, Object> claims = Collections.unmodifiableMap(new LinkedHashMap<>(jwt.getClaims().getClaimsMap()));
        verified.put(hash(credential.getToken()), new Verified(claims, Set.copyOf(identity.getRoles()),
                Map.copyOf(attributes), expiresAt));
    }

    private static ByteBuffer hash(String token) {
        return ByteBuffer.wrap(DigestUtils.sha256(token));
    }
}
