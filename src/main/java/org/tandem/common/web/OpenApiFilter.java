package org.tandem.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.tandem.idempotency.IdempotencyInterceptor;
import org.tandem.security.AccessRules;

/**
 * Adds what operations share to the OpenAPI document, from signals already in it, so resources declare only the
 * responses specific to them:
 * <ul>
 * <li>every POST: the optional Idempotency-Key header (IdempotencyInterceptor);</li>
 * <li>every operation that needs a token: 401 and 403;</li>
 * <li>every path with an id: 404, naming the records the path names (another clinic's record is not found);</li>
 * <li>an If-Match header: 412 and 428; a body or query parameters: 400.</li>
 * </ul>
 * Who may call each operation comes from {@link AccessRules}: its security requirement (with the integration scope)
 * and the end of its summary. A response a resource declares itself is kept as it is.
 */
@io.quarkus.smallrye.openapi.OpenApiFilter(io.quarkus.smallrye.openapi.OpenApiFilter.RunStage.BUILD)
public class OpenApiFilter implements OASFilter {

    /** Placeholders for the clinic's own Keycloak realm, which each deployment has at its own address. */
    static final String REALM = "https://keycloak.example.org/realms/tandem/protocol/openid-connect/";
    static final String SCHEME = "oauth2";

    /** Collections whose singular is not the name without its last "s". */
    private static final Map<String, String> SINGULAR = Map.of("session-series", "series", "staff", "person",
            "boundaries", "boundary", "webhooks", "webhook endpoint", "calendar-feeds", "calendar feed",
            "addenda", "addendum");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        declareOAuth2(openAPI);
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/v1")) {
                item.getOperations().forEach((method, operation) -> complete(path, method, operation));
            }
        });
    }

    /**
     * The real ways to get a token: client credentials for a clinic's software (with the integration scopes) and
     * authorization code for people. Replaces the bearer scheme whose requirements named roles as scopes.
     */
    private static void declareOAuth2(OpenAPI openAPI) {
        Map<String, String> flowScopes = new java.util.TreeMap<>(org.tandem.security.Scopes.DESCRIPTIONS);
        SecurityScheme oauth2 = OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Tokens from the clinic's Keycloak realm `tandem` (the URLs here are placeholders for"
                        + " its address). A clinic's software uses client credentials and is granted integration"
                        + " scopes; people sign in with authorization code and PKCE, and their realm role (admin,"
                        + " therapist or partner) decides what they may do, as each operation's summary says. A"
                        + " partner's app uses the public client tandem-partner-app.")
                .flows(OASFactory.createOAuthFlows()
                        .clientCredentials(OASFactory.createOAuthFlow().tokenUrl(REALM + "token").scopes(flowScopes))
                        .authorizationCode(OASFactory.createOAuthFlow().authorizationUrl(REALM + "auth")
                                .tokenUrl(REALM + "token").scopes(Map.of())));
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSecuritySchemes() != null) {
            new ArrayList<>(components.getSecuritySchemes().keySet()).forEach(components::removeSecurityScheme);
        }
        components.addSecurityScheme(SCHEME, oauth2);
        if (components.getSchemas() != null) {
            // The problem library declares these, but no response refers to them: problems are documented by status.
            components.removeSchema("HttpValidationProblem");
            components.removeSchema("Violation");
        }
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        AccessRules.Rule rule = AccessRules.of(operation.getOperationId()).orElse(null);
        boolean needsToken = rule != null && !rule.isPublic();
        if (rule != null) {
            operation.setSummary(operation.getSummary() + " (" + rule.describe() + ")");
        }
        operation.setSecurity(needsToken ? new ArrayList<>(List.of(OASFactory.createSecurityRequirement()
                .addScheme(SCHEME, rule.scope() == null ? List.of() : List.of(rule.scope())))) : null);
        if (method == PathItem.HttpMethod.POST && needsToken) { // a public write has no caller to keep a key for
            operation.addParameter(OASFactory.createParameter()
                    .name(IdempotencyInterceptor.HEADER)
                    .in(Parameter.In.HEADER)
                    .required(false)
                    .description("Any unique string (a UUID): a retry with the same key and request replays the"
                            + " first successful response instead of writing again. 24 hours.")
                    .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media
                            .Schema.SchemaType.STRING).maxLength(255)));
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (operation.getRequestBody() != null || parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY)) {
            add(responses, "400", "Invalid request: a problem document names each invalid field");
        }
        if (needsToken) {
            add(responses, "401", "No valid access token, or the caller's account was deactivated");
            add(responses, "403", "The caller's role, or the integration's scopes, do not allow this");
        }
        List<String> records = records(path);
        if (!records.isEmpty()) {
            add(responses, "404", "No such " + String.join(" or ", records) + ", or not one you may reach");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))) {
            add(responses, "412", "Stale If-Match: the record changed since you read it");
            add(responses, "428", "If-Match missing");
        }
    }

    /** The records a path names by id, e.g. couple and partner for /couples/{coupleId}/partners/{partnerId}. */
    static List<String> records(String path) {
        List<String> records = new ArrayList<>();
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                String collection = segments[i - 1];
                records.add(SINGULAR.getOrDefault(collection,
                        collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection)
                        .replace('-', ' '));
            }
        }
        return records;
    }

    private static void add(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }
}
