package org.tandem.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.tandem.idempotency.IdempotencyInterceptor;

/**
 * Adds what every POST shares to the OpenAPI document, so generated clients offer it: the optional
 * Idempotency-Key header (IdempotencyInterceptor).
 */
public class OpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/v1") && item.getPOST() != null) {
                item.getPOST().addParameter(OASFactory.createParameter()
                        .name(IdempotencyInterceptor.HEADER)
                        .in(Parameter.In.HEADER)
                        .required(false)
                        .description("Any unique string (a UUID): a retry with the same key and request replays the"
                                + " first successful response instead of writing again. 24 hours.")
                        .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media
                                .Schema.SchemaType.STRING).maxLength(255)));
            }
        });
    }
}
