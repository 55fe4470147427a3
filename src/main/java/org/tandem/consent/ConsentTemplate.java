package org.tandem.consent;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.Conflict;
import org.tandem.common.persistence.Tracked;

/**
 * A clinic's consent form, with every version of its text. Partners sign a version; changing the text makes a new
 * version (the old one stays, with the signatures given to it). ACTIVE until retired; only active templates are
 * offered for signing or required before a couple's first session.
 */
@Entity
@Table(name = "consent_template")
@Getter
public class ConsentTemplate extends Tracked {

    public enum Status {
        ACTIVE, RETIRED
    }

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 32)
    private ConsentKind kind;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "required_before_first_session", nullable = false)
    private boolean requiredBeforeFirstSession;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "current_number", nullable = false)
    @Getter(AccessLevel.NONE)
    private int currentNumber;

    @OneToMany(mappedBy = "template", cascade = CascadeType.PERSIST)
    @OrderBy("number")
    private List<ConsentTemplateVersion> versions = new ArrayList<>();

    protected ConsentTemplate() {
    }

    ConsentTemplate(UUID clinicId, ConsentKind kind, String title, String text, boolean required, String author) {
        this.clinicId = clinicId;
        this.kind = kind;
        this.title = title.trim();
        this.requiredBeforeFirstSession = required;
        this.status = Status.ACTIVE;
        addVersion(text, author);
    }

    /** New title, requirement or text; a different text is a new version, the same text keeps the current one. */
    void change(String title, String text, boolean required, String author) {
        if (status != Status.ACTIVE) {
            throw new Conflict("consent-template-retired", "Template Retired", "A retired template does not change.");
        }
        this.title = title.trim();
        this.requiredBeforeFirstSession = required;
        if (!current().getText().equals(text)) {
            addVersion(text, author);
        }
        touch();
    }

    void retire() {
        if (status != Status.ACTIVE) {
            throw new Conflict("consent-template-retired", "Template Retired", "The template was retired before.");
        }
        this.status = Status.RETIRED;
        this.requiredBeforeFirstSession = false;
        touch();
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public ConsentTemplateVersion current() {
        return versions.stream().filter(v -> v.getNumber() == currentNumber).findFirst().orElseThrow();
    }

    private void addVersion(String text, String author) {
        currentNumber++;
        versions.add(new ConsentTemplateVersion(this, currentNumber, text, author));
    }

    @Override
    public String toString() {
        return "ConsentTemplate[id=" + getId() + ", kind=" + kind + "]";
    }
}
