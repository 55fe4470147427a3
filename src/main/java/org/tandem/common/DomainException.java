package org.tandem.common;

/**
 * A domain rule refused a change: what entities and other rules throw, with no knowledge of HTTP.
 * {@code common/web/DomainProblems} answers each kind as an RFC 9457 problem. The message is shown to the client, so
 * it names fields and states, never clinical data. No stack trace: it is an answer, not a fault.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
