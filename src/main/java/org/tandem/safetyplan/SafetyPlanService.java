package org.tandem.safetyplan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Versions;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.Partner;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;
import org.tandem.safetyplan.SafetyPlanApi.SafetyPlanResponse;
import org.tandem.safetyplan.SafetyPlanApi.Sections;
import org.tandem.safetyplan.SafetyPlanApi.VersionResponse;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;
import org.tandem.security.PartnerBindings;
import org.tandem.webhook.Outbox;
import org.tandem.webhook.WebhookEvent;

/**
 * Safety plans: the couple's therapists write and revise a partner's plan; the partner reads their own current
 * plan. Nobody else reads one (admins, integrations and the other partner are refused by the access rules). Every
 * read and revision is audited; the webhook event names the plan, never its content.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class SafetyPlanService implements SafetyPlans {

    static final String RECORD = "safety plan";
    private static final String CONTENT = SealedColumn.SAFETY_PLAN_CONTENT.purpose();

    private final SafetyPlanRepository plans;
    private final CoupleRepository couples;
    private final ClinicCipher cipher;
    private final Caller caller;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Outbox outbox;
    private final ObjectMapper json;

    /** The first version of the partner's plan; a partner has one plan, revised after that. */
    public SafetyPlanResponse create(UUID coupleId, UUID partnerId, Sections sections) {
        Partner partner = partner(coupleId, partnerId);
        if (plans.ofPartner(partnerId).isPresent()) {
            throw Problems.conflict("safety-plan-exists", "Safety Plan Exists",
                    "The partner has a safety plan; revise it with PUT and If-Match.");
        }
        UUID clinicId = partner.getCouple().getClinic().getId();
        SafetyPlan plan = new SafetyPlan(clinicId, coupleId, partnerId);
        seal(clinicId, plan.revise(caller.subject()), sections);
        plans.persist(plan);
        return saved(clinicId, plan, "safety-plan.create");
    }

    public SafetyPlanResponse revise(UUID coupleId, UUID partnerId, long expectedVersion, Sections sections) {
        Partner partner = partner(coupleId, partnerId);
        SafetyPlan plan = plans.lockOfPartner(partnerId).orElseThrow(() -> Problems.notFound(RECORD));
        Versions.requireCurrent(expectedVersion, plan.getVersion());
        UUID clinicId = partner.getCouple().getClinic().getId();
        ClinicCipher.Sealer sealer = cipher.sealerFor(clinicId); // before the change, which a query would flush
        SafetyPlanVersion version = plan.revise(caller.subject());
        version.seal(sealer.seal(CONTENT, version.getId(), write(sections)));
        return saved(clinicId, plan, "safety-plan.revise");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SafetyPlanResponse get(UUID coupleId, UUID partnerId) {
        partner(coupleId, partnerId);
        SafetyPlan plan = plans.ofPartner(partnerId).orElseThrow(() -> Problems.notFound(RECORD));
        SafetyPlanResponse view = view(plan, true);
        audit.success("safety-plan.read", RECORD, plan.getId());
        return view;
    }

    /** The calling partner's own plan, its current version. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SafetyPlanResponse mine() {
        PartnerBindings.Bound me = access.me();
        couples.requireVisible(access.reach(), me.coupleId());
        SafetyPlan plan = plans.ofPartner(me.partnerId()).orElseThrow(() -> Problems.notFound(RECORD));
        SafetyPlanResponse view = view(plan, false);
        audit.success("safety-plan.read-mine", RECORD, plan.getId());
        return view;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isPlanOf(UUID planId, UUID partnerId) {
        return plans.ofPartner(partnerId).map(p -> p.getId().equals(planId)).orElse(false);
    }

    private SafetyPlanResponse saved(UUID clinicId, SafetyPlan plan, String action) {
        plans.flush();
        audit.success(action, RECORD, plan.getId(), "version " + plan.current().getNumber());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("safetyPlanId", plan.getId());
        data.put("coupleId", plan.getCoupleId());
        data.put("partnerId", plan.getPartnerId());
        data.put("number", plan.current().getNumber());
        outbox.publish(clinicId, WebhookEvent.SAFETY_PLAN_REVISED, data);
        return view(plan, true);
    }

    private SafetyPlanResponse view(SafetyPlan plan, boolean withHistory) {
        VersionResponse current = view(plan.current());
        List<VersionResponse> history = withHistory ? plan.getVersions().stream().map(this::view).toList()
                : List.of(current);
        return new SafetyPlanResponse(plan.getId(), plan.getCoupleId(), plan.getPartnerId(), current, history,
                plan.getUpdatedAt(), plan.getVersion());
    }

    private VersionResponse view(SafetyPlanVersion v) {
        return new VersionResponse(v.getNumber(),
                read(v.open(cipher, CONTENT)), v.getCreatedAt());
    }

    private void seal(UUID clinicId, SafetyPlanVersion version, Sections sections) {
        version.seal(cipher.sealerFor(clinicId).seal(CONTENT, version.getId(), write(sections)));
    }

    private Partner partner(UUID coupleId, UUID partnerId) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        return couple.findPartner(partnerId).orElseThrow(() -> Problems.notFound("partner"));
    }

    private String write(Sections sections) {
        try {
            return json.writeValueAsString(sections);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a safety plan"); // no cause: it quotes the content
        }
    }

    private Sections read(String sealed) {
        try {
            return json.readValue(sealed, Sections.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a safety plan"); // no cause: it quotes the content
        }
    }
}
