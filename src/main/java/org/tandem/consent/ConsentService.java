package org.tandem.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Versions;
import org.tandem.consent.ConsentApi.CoupleConsents;
import org.tandem.consent.ConsentApi.Missing;
import org.tandem.consent.ConsentApi.MyConsent;
import org.tandem.consent.ConsentApi.ReleaseTo;
import org.tandem.consent.ConsentApi.ReleaseView;
import org.tandem.consent.ConsentApi.SignRequest;
import org.tandem.consent.ConsentApi.SignatureResponse;
import org.tandem.consent.ConsentApi.SignatureStatus;
import org.tandem.consent.ConsentApi.TemplateChange;
import org.tandem.consent.ConsentApi.TemplateRequest;
import org.tandem.consent.ConsentApi.TemplateResponse;
import org.tandem.consent.ConsentApi.VersionResponse;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.Partner;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;
import org.tandem.security.PartnerBindings;
import org.tandem.webhook.Outbox;
import org.tandem.webhook.WebhookEvent;

/**
 * Consent templates (an admin's), signatures (each partner's own) and the requirement before a couple's first
 * session. Who signed, from where, and a release's party and scope are sealed; the couple's clinicians and the
 * signer read them, an integration sees the status only. Every read and change of a couple's consents is audited.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class ConsentService implements FirstSessionConsents {

    static final String TEMPLATE = "consent template";
    static final String SIGNATURE = "consent";
    private static final String SIGNER = SealedColumn.CONSENT_SIGNER.purpose();
    /** A release of information is for a bounded time. */
    private static final int MAX_RELEASE_YEARS = 2;

    /** What the sealed column holds. */
    record Signer(String typedName, String signedFrom, String party, String scope) {

        @Override
        public String toString() {
            return "Signer[redacted]";
        }
    }

    /** A signature with what the caller may see of it. */
    record Signed(ConsentSignature signature, ConsentTemplate template, ConsentTemplateVersion version,
            Signer signer) {
    }

    private final ConsentRepository consents;
    private final CoupleRepository couples;
    private final ClinicCipher cipher;
    private final Caller caller;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Outbox outbox;
    private final ObjectMapper json;

    // ---- templates (an admin's) -------------------------------------------------------------------------------

    public TemplateResponse create(TemplateRequest request) {
        ConsentTemplate template = new ConsentTemplate(clinicId(), request.kind(), request.title(), request.text(),
                request.requiredBeforeFirstSession(), caller.subject());
        consents.persist(template);
        consents.flush();
        audit.success("consent-template.create", TEMPLATE, template.getId());
        return view(template);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TemplateResponse> templates(boolean all) {
        return consents.templates(clinicId(), all).stream().map(ConsentService::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateResponse template(UUID id) {
        return view(consents.template(clinicId(), id).orElseThrow(() -> Problems.notFound(TEMPLATE)));
    }

    public TemplateResponse change(UUID id, long expectedVersion, TemplateChange change) {
        ConsentTemplate template = locked(id);
        Versions.requireCurrent(expectedVersion, template.getVersion());
        template.change(change.title(), change.text(), change.requiredBeforeFirstSession(), caller.subject());
        consents.flush();
        audit.success("consent-template.change", TEMPLATE, id, "version " + template.current().getNumber());
        return view(template);
    }

    public TemplateResponse retire(UUID id, long expectedVersion) {
        ConsentTemplate template = locked(id);
        Versions.requireCurrent(expectedVersion, template.getVersion());
        template.retire();
        consents.flush();
        audit.success("consent-template.retire", TEMPLATE, id);
        return view(template);
    }

    // ---- a couple's consents (clinicians, integrations) -------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public CoupleConsents forCouple(UUID coupleId) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        Map<UUID, ConsentTemplate> templates = templatesById(couple);
        LocalDate today = today(couple);
        List<ConsentSignature> all = consents.signaturesOfCouple(coupleId);
        CoupleConsents view = new CoupleConsents(coupleId, missing(couple, templates, all, today),
                all.stream().map(s -> view(signed(s, templates), today)).toList());
        audit.success("consent.list", "couple", coupleId);
        return view;
    }

    /** The PDF of a signature of the couple, for its clinicians to file. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] pdf(UUID coupleId, UUID signatureId) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        ConsentSignature signature = consents.signatureOfCouple(coupleId, signatureId)
                .orElseThrow(() -> Problems.notFound(SIGNATURE));
        return rendered(couple, signature);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public void require(Couple couple) {
        List<Missing> missing = missing(couple, templatesById(couple), consents.signaturesOfCouple(couple.getId()),
                today(couple));
        if (!missing.isEmpty()) {
            throw HttpProblem.builder().withType(Problems.type("consents-missing")).withStatus(409)
                    .withTitle("Consents Missing")
                    .withDetail("The clinic requires these consents, signed by each partner, before a couple's first"
                            + " session is completed or noted.")
                    .with("missing", missing).build();
        }
    }

    // ---- a partner's own --------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MyConsent> mine() {
        PartnerBindings.Bound me = access.me();
        Couple couple = couples.requireVisible(access.reach(), me.coupleId());
        Map<UUID, ConsentTemplate> templates = templatesById(couple);
        LocalDate today = today(couple);
        List<ConsentSignature> signatures = consents.signaturesOfPartner(me.partnerId());
        List<MyConsent> list = new ArrayList<>();
        for (ConsentTemplate t : templates.values()) {
            if (!t.isActive()) {
                continue;
            }
            List<SignatureResponse> own = signatures.stream().filter(s -> s.getTemplateId().equals(t.getId()))
                    .map(s -> view(signed(s, templates), today)).toList();
            boolean signed = signatures.stream().anyMatch(s -> satisfies(s, t, today));
            list.add(new MyConsent(t.getId(), t.getKind(), t.getTitle(), t.isRequiredBeforeFirstSession(),
                    view(t.current()), signed, own));
        }
        audit.success("consent.list-mine", "partner", me.partnerId());
        return list;
    }

    public SignatureResponse sign(UUID templateId, SignRequest request) {
        PartnerBindings.Bound me = access.me();
        Couple couple = couples.requireVisible(access.reach(), me.coupleId());
        UUID clinicId = couple.getClinic().getId();
        ConsentTemplate template = consents.lockTemplate(clinicId, templateId)
                .orElseThrow(() -> Problems.notFound(TEMPLATE));
        if (!template.isActive()) {
            throw Problems.conflict("consent-template-retired", "Template Retired", "A retired form is not signed.");
        }
        ConsentTemplateVersion current = template.current();
        if (request.version() != current.getNumber() || !request.textSha256().equals(current.getTextSha256())) {
            throw Problems.conflict("consent-text-changed", "Text Changed", "The form's text is not the one you"
                    + " read: read its current version (number and textSha256) and sign that.");
        }
        LocalDate today = today(couple);
        ReleaseTo release = release(template, request.releaseTo(), today);
        if (release == null && consents.signaturesOfPartner(me.partnerId()).stream()
                .anyMatch(s -> satisfies(s, template, today))) {
            throw Problems.conflict("consent-signed", "Signed Already", "You signed this version already.");
        }
        ConsentSignature signature = new ConsentSignature(clinicId, couple.getId(), me.partnerId(), template,
                current, release == null ? null : release.expiresOn());
        Signer signer = new Signer(request.typedName().trim(), caller.clientAddress(),
                release == null ? null : release.party().trim(), release == null ? null : release.scope().trim());
        signature.seal(cipher.sealerFor(clinicId).seal(SIGNER, signature.getId(), write(signer)));
        consents.persist(signature);
        consents.flush();
        audit.success("consent.sign", SIGNATURE, signature.getId(), "version " + current.getNumber());
        publish(clinicId, WebhookEvent.CONSENT_SIGNED, signature);
        return view(new Signed(signature, template, current, signer), today);
    }

    public SignatureResponse revoke(UUID signatureId) {
        PartnerBindings.Bound me = access.me();
        Couple couple = couples.requireVisible(access.reach(), me.coupleId());
        ConsentSignature signature = own(me, signatureId);
        signature.revoke(Instant.now());
        consents.flush();
        audit.success("consent.revoke", SIGNATURE, signatureId);
        publish(couple.getClinic().getId(), WebhookEvent.CONSENT_REVOKED, signature);
        return view(signed(signature, templatesById(couple)), today(couple));
    }

    /** The PDF of what the calling partner signed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] myPdf(UUID signatureId) {
        PartnerBindings.Bound me = access.me();
        Couple couple = couples.requireVisible(access.reach(), me.coupleId());
        return rendered(couple, own(me, signatureId));
    }

    // ---- rules and views --------------------------------------------------------------------------------------

    private byte[] rendered(Couple couple, ConsentSignature signature) {
        Signed signed = signed(signature, templatesById(couple));
        SignatureResponse view = view(signed, today(couple));
        byte[] pdf = ConsentPdf.render(signed.template().getTitle(), signed.version(), view,
                couple.getClinic().getName(), couple.getClinic().getTimeZone());
        audit.success("consent.pdf", SIGNATURE, signature.getId());
        return pdf;
    }

    private ConsentSignature own(PartnerBindings.Bound me, UUID signatureId) {
        return consents.signatureOfCouple(me.coupleId(), signatureId)
                .filter(s -> s.getPartnerId().equals(me.partnerId()))
                .orElseThrow(() -> Problems.notFound(SIGNATURE));
    }

    /** A release of information names who, what and until when; no other form takes one. */
    private static ReleaseTo release(ConsentTemplate template, ReleaseTo release, LocalDate today) {
        if (template.getKind() != ConsentKind.RELEASE_OF_INFORMATION) {
            if (release != null) {
                throw Problems.invalid("releaseTo", "body", "is for a release of information only");
            }
            return null;
        }
        if (release == null) {
            throw Problems.invalid("releaseTo", "body", "must name the party, the scope and the expiry");
        }
        if (release.expiresOn().isBefore(today) || release.expiresOn().isAfter(today.plusYears(MAX_RELEASE_YEARS))) {
            throw Problems.invalid("releaseTo.expiresOn", "body", "must be between today and "
                    + MAX_RELEASE_YEARS + " years ahead");
        }
        return release;
    }

    /** A signature of the template's current version, in force today. */
    private static boolean satisfies(ConsentSignature s, ConsentTemplate t, LocalDate today) {
        return s.getTemplateId().equals(t.getId()) && s.getVersionId().equals(t.current().getId())
                && s.inForce(today);
    }

    private static List<Missing> missing(Couple couple, Map<UUID, ConsentTemplate> templates,
            List<ConsentSignature> signatures, LocalDate today) {
        List<Missing> missing = new ArrayList<>();
        List<Partner> partners = couple.getPartners().stream()
                .sorted(java.util.Comparator.comparingInt(Partner::getSeat)).toList();
        for (ConsentTemplate t : templates.values()) {
            if (!t.isActive() || !t.isRequiredBeforeFirstSession()) {
                continue;
            }
            for (Partner p : partners) {
                if (signatures.stream().noneMatch(s -> s.getPartnerId().equals(p.getId()) && satisfies(s, t, today))) {
                    missing.add(new Missing(p.getId(), t.getId(), t.getTitle(), t.getKind()));
                }
            }
        }
        return missing;
    }

    private Signed signed(ConsentSignature s, Map<UUID, ConsentTemplate> templates) {
        ConsentTemplate template = templates.get(s.getTemplateId());
        ConsentTemplateVersion version = template.getVersions().stream()
                .filter(v -> v.getId().equals(s.getVersionId())).findFirst().orElseThrow();
        Signer signer = access.seesSignerOf(s.getPartnerId())
                ? read(s.openSigner(cipher, SIGNER)) : null;
        return new Signed(s, template, version, signer);
    }

    private static SignatureResponse view(Signed signed, LocalDate today) {
        ConsentSignature s = signed.signature();
        Signer who = signed.signer();
        SignatureStatus status = s.getRevokedAt() != null ? SignatureStatus.REVOKED
                : s.inForce(today) ? SignatureStatus.SIGNED : SignatureStatus.EXPIRED;
        return new SignatureResponse(s.getId(), s.getTemplateId(), signed.template().getKind(),
                signed.template().getTitle(), s.getPartnerId(), signed.version().getNumber(), s.getTextSha256(),
                signed.version().getId().equals(signed.template().current().getId()), status, s.getSignedAt(),
                s.getRevokedAt(), s.getExpiresOn(), who == null ? null : who.typedName(),
                who == null ? null : who.signedFrom(),
                who == null || who.party() == null ? null : new ReleaseView(who.party(), who.scope()));
    }

    private static TemplateResponse view(ConsentTemplate t) {
        return new TemplateResponse(t.getId(), t.getKind(), t.getTitle(), t.isRequiredBeforeFirstSession(),
                t.getStatus(), view(t.current()), t.getVersions().stream().map(ConsentService::view).toList(),
                t.getVersion());
    }

    private static VersionResponse view(ConsentTemplateVersion v) {
        return new VersionResponse(v.getNumber(), v.getText(), v.getTextSha256(), v.getCreatedAt());
    }

    private void publish(UUID clinicId, WebhookEvent event, ConsentSignature s) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("signatureId", s.getId());
        data.put("templateId", s.getTemplateId());
        data.put("coupleId", s.getCoupleId());
        data.put("partnerId", s.getPartnerId());
        outbox.publish(clinicId, event, data);
    }

    private Map<UUID, ConsentTemplate> templatesById(Couple couple) {
        return consents.templates(couple.getClinic().getId(), true).stream()
                .collect(Collectors.toMap(ConsentTemplate::getId, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
    }

    private ConsentTemplate locked(UUID id) {
        return consents.lockTemplate(clinicId(), id).orElseThrow(() -> Problems.notFound(TEMPLATE));
    }

    private UUID clinicId() {
        return access.reach().clinicId();
    }

    private static LocalDate today(Couple couple) {
        ZoneId zone = couple.getClinic().getTimeZone();
        return LocalDate.now(zone);
    }

    private String write(Signer signer) {
        try {
            return json.writeValueAsString(signer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a signer"); // no cause: its message quotes the content
        }
    }

    private Signer read(String sealed) {
        try {
            return json.readValue(sealed, Signer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a signer"); // no cause: its message quotes the content
        }
    }
}
