package org.tandem.common.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a component of a response record: a secret the API shows once (a webhook's signing secret, a calendar feed's
 * URL). Nothing may keep a copy that gives it back, so an idempotent replay of the response leaves it out.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface ShownOnce {
}
