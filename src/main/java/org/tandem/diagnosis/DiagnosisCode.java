package org.tandem.diagnosis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import lombok.Getter;
import org.tandem.common.InvalidField;
import org.tandem.common.persistence.Identified;

/**
 * A code a diagnosis may carry: one of Tandem's starter codes ({@code clinicId} null, shipped by the migration with
 * their source) or one a clinic added. Codes are ICD-10-CM: a letter, two characters, then optionally a dot and one
 * to four more (F43.21, Z63.0, F63.89).
 */
@Entity
@Table(name = "diagnosis_code")
@Getter
public class DiagnosisCode extends Identified {

    /** ICD-10-CM's shape; whether the code exists is the list's business, not the pattern's. */
    private static final Pattern ICD10_CM = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");

    @Column(name = "clinic_id", updatable = false)
    private UUID clinicId;

    @Column(nullable = false, updatable = false, length = 8)
    private String code;

    @Column(nullable = false, updatable = false, length = 255)
    private String description;

    @Column(nullable = false, updatable = false, length = 255)
    private String source;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 255)
    private String createdBy;

    protected DiagnosisCode() {
    }

    DiagnosisCode(UUID clinicId, String code, String description, String source, String createdBy) {
        this.clinicId = clinicId;
        this.code = normalized(code, "code");
        this.description = description.trim();
        this.source = source.trim();
        this.createdAt = Instant.now();
        this.createdBy = createdBy;
    }

    /** The code in its canonical form (upper case, trimmed), or a 400 on {@code field} when it is not ICD-10-CM. */
    static String normalized(String code, String field) {
        String canonical = code.trim().toUpperCase(java.util.Locale.ROOT);
        if (!ICD10_CM.matcher(canonical).matches()) {
            throw new InvalidField(field, "must be an ICD-10-CM code such as F43.21 or Z63.0");
        }
        return canonical;
    }

    public boolean isStarter() {
        return clinicId == null;
    }

    @Override
    public String toString() {
        return "DiagnosisCode[code=" + code + "]";
    }
}
