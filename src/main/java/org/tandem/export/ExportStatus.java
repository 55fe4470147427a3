package org.tandem.export;

/**
 * QUEUED -> RUNNING -> SUCCEEDED -> EXPIRED (content deleted after the retention period); RUNNING -> QUEUED is not a
 * state change but a retry: a job whose heartbeat stopped is claimed again. QUEUED or RUNNING -> CANCELLED on
 * request; RUNNING -> FAILED after the last attempt.
 */
public enum ExportStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    EXPIRED;

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
