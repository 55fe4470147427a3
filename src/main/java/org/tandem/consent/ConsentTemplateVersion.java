package org.tandem.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import org.apache.commons.codec.digest.DigestUtils;
import org.tandem.common.persistence.Identified;

/** One version of a consent form's text, fixed once written, with the SHA-256 a signature is bound to. */
@Entity
@Table(name = "consent_template_version")
@Getter
public class ConsentTemplateVersion extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private ConsentTemplate template;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false, columnDefinition = "mediumtext")
    private String text;

    @Column(name = "text_sha256", nullable = false, updatable = false, length = 64)
    private String textSha256;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 255)
    @Getter(AccessLevel.NONE)
    private String createdBy;

    protected ConsentTemplateVersion() {
    }

    ConsentTemplateVersion(ConsentTemplate template, int number, String text, String createdBy) {
        this.template = template;
        this.number = number;
        this.text = text;
        this.textSha256 = sha256(text);
        this.createdAt = Instant.now();
        this.createdBy = createdBy;
    }

    /** The lower-case hex SHA-256 of the text's UTF-8 bytes: what a client can compute from the text it showed. */
    static String sha256(String text) {
        return DigestUtils.sha256Hex(text);
    }

    @Override
    public String toString() {
        return "ConsentTemplateVersion[id=" + getId() + ", number=" + number + "]";
    }
}
