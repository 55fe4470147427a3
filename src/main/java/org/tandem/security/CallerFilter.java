package org.tandem.security;

import lombok.RequiredArgsConstructor;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Finds who is calling before the operation starts its transaction (see {@link Caller#resolveAhead()}). */
@RequiredArgsConstructor
public class CallerFilter {

    private final Caller caller;

    @ServerRequestFilter
    public void resolveAhead() {
        caller.resolveAhead();
    }
}
