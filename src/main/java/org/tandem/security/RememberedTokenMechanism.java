package org.tandem.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Answers a bearer token this replica has already verified ({@link VerifiedTokens}) before Quarkus OIDC's mechanism
 * sees the request: OIDC's would resolve its tenant and decode the token's JSON on every request (to tell a JWT
 * from an opaque token) only to be answered from memory. Any other request, with a token never seen, changed,
 * forgotten or expired, or with none, goes on to Quarkus OIDC, which verifies it in full and sends the challenge.
 * The identity still comes through the identity provider manager, so every augmentor runs as for OIDC's.
 */
@ApplicationScoped
public class RememberedTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final VerifiedTokens tokens;

    RememberedTokenMechanism(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        VerifiedTokens.Remembered remembered = tokens.recall(bearer(context));
        if (remembered == null) {
            return Uni.createFrom().nullItem();
        }
        HttpSecurityUtils.setRoutingContextAttribute(remembered, context);
        return identities.authenticate(remembered);
    }

    /** The token of an {@code Authorization: Bearer} header, as Quarkus OIDC reads it; null without one. */
    static String bearer(RoutingContext context) {
        String header = context.request().headers().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /** No challenge of its own: Quarkus OIDC's ({@code WWW-Authenticate: Bearer}) is the API's. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(VerifiedTokens.Remembered.class);
    }

    /** Before Quarkus OIDC's mechanism ({@code DEFAULT_PRIORITY + 1}). */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
