package org.tandem.testsupport;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** The management interface of the app under test: health, metrics, the OpenAPI document and Swagger UI. */
public final class Management {

    /** Set by TandemServices to a free port. */
    static final String TEST_PORT = "quarkus.management.test-port";

    private Management() {
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue(TEST_PORT, Integer.class);
    }

    /** A request to the management interface, as Prometheus or a probe would send it. */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri("http://localhost").port(port());
    }
}
