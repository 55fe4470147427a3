package org.tandem.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource whose failed requests (403, 404, 4xx, 5xx by an authenticated caller) go to the audit log, under
 * this record type, with the path parameter {@link #idParam()} as the record id.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AuditedRecord {
    String value();

    /** The path parameter that holds the record's id. */
    String idParam() default "id";
}
