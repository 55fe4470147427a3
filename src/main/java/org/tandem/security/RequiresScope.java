package org.tandem.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OAuth2 scope an integration's token must carry for this operation (ScopeFilter). People (admins,
 * therapists) are governed by their roles alone. PlatformTest checks that every operation open to integrations
 * names one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresScope {
    String value();
}
