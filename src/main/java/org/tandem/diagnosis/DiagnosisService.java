package org.tandem.diagnosis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
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
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.Partner;
import org.tandem.diagnosis.DiagnosisApi.CodeRequest;
import org.tandem.diagnosis.DiagnosisApi.CodeResponse;
import org.tandem.diagnosis.DiagnosisApi.DiagnosisRequest;
import org.tandem.diagnosis.DiagnosisApi.DiagnosisResponse;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;
import org.tandem.webhook.Outbox;
import org.tandem.webhook.WebhookEvent;

/**
 * Diagnoses of the couple's partners and the clinic's code list. The couple's therapists record and read them; an
 * admin sees that a partner has diagnoses and their status, never the codes. Every read and change is audited; the
 * webhook events carry ids and the status only.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class DiagnosisService {

    static final String RECORD = "diagnosis";

    private final DiagnosisRepository diagnoses;
    private final CoupleRepository couples;
    private final Caller caller;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Outbox outbox;

    public DiagnosisResponse record(UUID coupleId, UUID partnerId, DiagnosisRequest request) {
        Partner partner = partner(coupleId, partnerId);
        UUID clinicId = partner.getCouple().getClinic().getId();
        String code = DiagnosisCode.normalized(request.code(), "code");
        DiagnosisCode listed = diagnoses.code(clinicId, code).orElseThrow(() -> Problems.invalid("code", "body",
                "is not on the clinic's code list; an admin can add it (POST /api/v1/diagnosis-codes)"));
        Diagnosis diagnosis = new Diagnosis(clinicId, coupleId, partnerId, listed.getCode(), request.onsetOn(),
                today(partner.getCouple()), caller.subject());
        diagnoses.persist(diagnosis);
        diagnoses.flush();
        audit.success("diagnosis.record", RECORD, diagnosis.getId());
        publish(clinicId, WebhookEvent.DIAGNOSIS_RECORDED, diagnosis);
        return view(diagnosis, Map.of(listed.getCode(), listed));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DiagnosisResponse> list(UUID coupleId, UUID partnerId) {
        Partner partner = partner(coupleId, partnerId);
        Map<String, DiagnosisCode> codes = codesOf(partner.getCouple());
        List<DiagnosisResponse> list = diagnoses.forPartner(partnerId).stream().map(d -> view(d, codes)).toList();
        audit.success("diagnosis.list", "partner", partnerId);
        return list;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DiagnosisResponse get(UUID coupleId, UUID partnerId, UUID id) {
        Partner partner = partner(coupleId, partnerId);
        Diagnosis diagnosis = load(partnerId, id);
        audit.success("diagnosis.read", RECORD, id);
        return view(diagnosis, codesOf(partner.getCouple()));
    }

    public DiagnosisResponse resolve(UUID coupleId, UUID partnerId, UUID id, long expectedVersion, LocalDate on) {
        Partner partner = partner(coupleId, partnerId);
        Diagnosis diagnosis = load(partnerId, id);
        Versions.requireCurrent(expectedVersion, diagnosis.getVersion());
        diagnosis.resolve(on, today(partner.getCouple()));
        return changed(partner, diagnosis, "diagnosis.resolve", WebhookEvent.DIAGNOSIS_RESOLVED);
    }

    public DiagnosisResponse markEnteredInError(UUID coupleId, UUID partnerId, UUID id, long expectedVersion) {
        Partner partner = partner(coupleId, partnerId);
        Diagnosis diagnosis = load(partnerId, id);
        Versions.requireCurrent(expectedVersion, diagnosis.getVersion());
        diagnosis.markEnteredInError();
        return changed(partner, diagnosis, "diagnosis.entered-in-error", WebhookEvent.DIAGNOSIS_ENTERED_IN_ERROR);
    }

    /** The codes the caller's clinic may use: the starter list and the clinic's own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CodeResponse> codes() {
        return diagnoses.codes(access.reach().clinicId()).stream().map(DiagnosisService::view).toList();
    }

    /** An admin extends the clinic's list; a code already on it (the clinic's or a starter code) is a 409. */
    public CodeResponse addCode(CodeRequest request) {
        UUID clinicId = access.reach().clinicId();
        String code = DiagnosisCode.normalized(request.code(), "code");
        if (diagnoses.code(clinicId, code).isPresent()) {
            throw Problems.conflict("diagnosis-code-exists", "Code Exists", "The code is on the clinic's list already.");
        }
        DiagnosisCode added = new DiagnosisCode(clinicId, code, request.description(), request.source(),
                caller.subject());
        diagnoses.getEntityManager().persist(added);
        diagnoses.flush();
        audit.success("diagnosis-code.add", "diagnosis-code", added.getId());
        return view(added);
    }

    private DiagnosisResponse changed(Partner partner, Diagnosis diagnosis, String action, WebhookEvent event) {
        diagnoses.flush();
        audit.success(action, RECORD, diagnosis.getId());
        UUID clinicId = partner.getCouple().getClinic().getId();
        publish(clinicId, event, diagnosis);
        return view(diagnosis, codesOf(partner.getCouple()));
    }

    private void publish(UUID clinicId, WebhookEvent event, Diagnosis d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("diagnosisId", d.getId());
        data.put("coupleId", d.getCoupleId());
        data.put("partnerId", d.getPartnerId());
        data.put("status", d.getStatus());
        outbox.publish(clinicId, event, data);
    }

    /** The code and onset for the couple's therapists; for an admin, that the diagnosis exists and its status. */
    private DiagnosisResponse view(Diagnosis d, Map<String, DiagnosisCode> codes) {
        boolean clinical = access.seesClinicalText();
        DiagnosisCode code = codes.get(d.getCode());
        return new DiagnosisResponse(d.getId(), d.getCoupleId(), d.getPartnerId(), clinical ? d.getCode() : null,
                clinical && code != null ? code.getDescription() : null, clinical ? d.getOnsetOn() : null,
                d.getStatus(), d.getResolvedOn(), clinical ? d.getRecordedBy() : null, d.getCreatedAt(),
                d.getUpdatedAt(), d.getVersion());
    }

    private static CodeResponse view(DiagnosisCode c) {
        return new CodeResponse(c.getId(), c.getCode(), c.getDescription(), c.getSource(), c.isStarter());
    }

    private Map<String, DiagnosisCode> codesOf(Couple couple) {
        return diagnoses.codes(couple.getClinic().getId()).stream()
                .collect(Collectors.toMap(DiagnosisCode::getCode, Function.identity(), (a, b) -> a));
    }

    private Partner partner(UUID coupleId, UUID partnerId) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        return couple.findPartner(partnerId).orElseThrow(() -> Problems.notFound("partner"));
    }

    private Diagnosis load(UUID partnerId, UUID id) {
        return diagnoses.findOfPartner(partnerId, id).orElseThrow(() -> Problems.notFound(RECORD));
    }

    private static LocalDate today(Couple couple) {
        return LocalDate.now(couple.getClinic().getTimeZone());
    }
}
