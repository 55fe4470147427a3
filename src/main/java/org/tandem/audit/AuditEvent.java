package org.tandem.audit;

import lombok.Getter;
import org.tandem.common.persistence.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * Who did what to which record, when, from where, and how it ended. Immutable: Hibernate never issues an UPDATE for
 * it, there are no setters, and no endpoint changes or deletes one.
 */
@Entity
@Immutable
@Table(name = "audit_event")
@Getter
public class AuditEvent extends Identified {

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "clinic_id", updatable = false)
    private UUID clinicId;

    @Column(updatable = false, length = 255)
    private String subject;

    @Column(updatable = false, length = 100)
    private String roles;

    @Column(name = "client_id", updatable = false, length = 255)
    private String clientId;

    @Column(nullable = false, updatable = false, length = 120)
    private String action;

    @Column(name = "record_type", updatable = false, length = 40)
    private String recordType;

    @Column(name = "record_id", updatable = false, length = 64)
    private String recordId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private AuditOutcome outcome;

    @Column(name = "http_status", updatable = false)
    private Integer httpStatus;

    @Column(name = "client_address", updatable = false, length = 64)
    private String clientAddress;

    @Column(name = "request_id", updatable = false, length = 64)
    private String requestId;

    @Column(updatable = false, length = 200)
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, UUID clinicId, String subject, String roles, String clientId, String action,
            String recordType, String recordId, AuditOutcome outcome, Integer httpStatus, String clientAddress,
            String requestId, String detail) {
        this.occurredAt = occurredAt;
        this.clinicId = clinicId;
        this.subject = cut(subject, 255);
        this.roles = cut(roles, 100);
        this.clientId = cut(clientId, 255);
        this.action = cut(action, 120);
        this.recordType = cut(recordType, 40);
        this.recordId = cut(recordId, 64);
        this.outcome = outcome;
        this.httpStatus = httpStatus;
        this.clientAddress = cut(clientAddress, 64);
        this.requestId = cut(requestId, 64);
        this.detail = cut(detail, 200);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    @Override
    public String toString() {
        return "AuditEvent[id=" + getId() + ", action=" + action + ", outcome=" + outcome + "]";
    }
}
