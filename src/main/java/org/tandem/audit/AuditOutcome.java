package org.tandem.audit;

/** How an audited request ended. */
public enum AuditOutcome {
    SUCCESS,
    /** Authenticated, but the role or clinic does not allow it (403). */
    DENIED,
    /** The record is missing or not the caller's (404): probing shows up here. */
    NOT_FOUND,
    /** The request was invalid, stale or conflicting (other 4xx). */
    REJECTED,
    /** The server failed (5xx). */
    ERROR;

    public static AuditOutcome ofStatus(int status) {
        if (status < 400) {
            return SUCCESS;
        }
        if (status == 403) {
            return DENIED;
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        return status < 500 ? REJECTED : ERROR;
    }
}
