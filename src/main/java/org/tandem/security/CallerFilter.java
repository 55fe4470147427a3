package org.tandem.security;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Finds who is calling before the operation starts its transaction (see {@link Caller#resolveAhead()}). */
public class CallerFilter {

    private final Caller caller;

    CallerFilter(Caller caller) {
        this.caller = caller;
    }

    @ServerRequestFilter
    public void resolveAhead() {
        caller.resolveAhead();
    }
}
