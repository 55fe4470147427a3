package org.tandem.webhook;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedText;

/** Where a clinic wants events sent. The signing secret is stored encrypted with the clinic's data key. */
@Entity
@Table(name = "webhook_endpoint")
@Getter
public class WebhookEndpoint {

    /** Assigned here: the secret's ciphertext is bound to the id. */
    @Id
    private UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(nullable = false, updatable = false, length = 2000)
    private String url;

    @Column(nullable = false, updatable = false, length = 1000)
    @Getter(AccessLevel.NONE)
    private String events;

    // Opened only by the sender, which reads the row with the delivery it signs (WebhookSender).
    @Embedded
    @AttributeOverride(name = "keyId", column = @Column(name = "secret_key_id", nullable = false, updatable = false))
    @AttributeOverride(name = "ciphertext", column = @Column(name = "secret_ciphertext", nullable = false, updatable = false,
            columnDefinition = "blob"))
    @Getter(AccessLevel.NONE)
    private SealedText secret;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_by", nullable = false, updatable = false, length = 255)
    @Getter(AccessLevel.NONE)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected WebhookEndpoint() {
    }

    WebhookEndpoint(UUID clinicId, String url, List<WebhookEvent> events, String createdBy) {
        this.id = UUID.randomUUID();
        this.clinicId = clinicId;
        this.url = url;
        this.events = String.join(",", events.stream().map(WebhookEvent::wireName).toList());
        this.active = true;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    void seal(ClinicCipher.Sealed secret) {
        this.secret = SealedText.of(secret);
    }

    void deactivate() {
        this.active = false;
    }

    public boolean subscribes(WebhookEvent event) {
        return Arrays.asList(events.split(",")).contains(event.wireName());
    }

    public List<String> events() {
        return Arrays.asList(events.split(","));
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[id=" + id + "]";
    }
}
