package org.tandem.staff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.clinic.ClinicRepository;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.Problems;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.scheduling.CalendarFeedRepository;
import org.tandem.scheduling.SessionRepository;
import org.tandem.security.Caller;
import org.tandem.staff.StaffApi.CoupleToReassign;
import org.tandem.staff.StaffApi.DeactivationResponse;
import org.tandem.staff.StaffApi.InvitationResponse;
import org.tandem.staff.StaffApi.InviteRequest;
import org.tandem.staff.StaffApi.StaffResponse;

/**
 * The clinic's staff and their lifecycle (admins only, declared on the resource): invite, deactivate, reactivate.
 * Tandem's record decides access; Keycloak's account is changed alongside (see docs/operations.md). Calls to Keycloak
 * run outside database transactions, so a slow identity provider holds no connection or lock.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class StaffService {

    static final String RECORD = "staff";

    private final StaffRepository staff;
    private final ClinicRepository clinics;
    private final CoupleRepository couples;
    private final CalendarFeedRepository feeds;
    private final SessionRepository sessions;
    private final KeycloakAccounts accounts;
    private final StaffRevocations revocations;
    private final Caller caller;
    private final AuditLog audit;

    public PageResponse<StaffResponse> list(StaffStatus status, PageQuery page) {
        UUID clinicId = caller.clinicId();
        return QuarkusTransaction.requiringNew().call(() -> {
            audit.success("staff.list", RECORD, null);
            return PageResponse.of(staff.page(clinicId, status, page.page(), page.size()), StaffService::toResponse,
                    page, staff.countInClinic(clinicId, status));
        });
    }

    public StaffResponse get(UUID id) {
        UUID clinicId = caller.clinicId();
        return QuarkusTransaction.requiringNew().call(() -> {
            StaffMember member = load(clinicId, id);
            audit.success("staff.read", RECORD, id);
            return toResponse(member);
        });
    }

    /**
     * Creates the person's Keycloak account (clinic, roles, a password to set on first sign-in), then their record,
     * then asks Keycloak to e-mail them. If the record cannot be written the account is deleted again.
     */
    public InvitationResponse invite(InviteRequest request) {
        UUID clinicId = caller.clinicId();
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        QuarkusTransaction.requiringNew().run(() -> {
            if (staff.emailInClinic(clinicId, email)) {
                throw Problems.conflict("email-in-use", "Conflict",
                        "Someone of your clinic has this e-mail address already.");
            }
        });
        String subject = accounts.create(new KeycloakAccounts.NewAccount(email, request.firstName(),
                request.lastName(), List.copyOf(request.roles()), Map.of(Caller.CLINIC_CLAIM, caller.clinicKey())));
        StaffMember member;
        try {
            member = QuarkusTransaction.requiringNew().call(() -> {
                StaffMember invited = StaffMember.invited(clinics.findById(clinicId), subject,
                        new StaffMember.Profile(email, request.firstName().strip() + " " + request.lastName().strip(),
                                email, request.roles().contains("admin"), request.roles().contains("therapist")),
                        caller.subject());
                staff.persist(invited);
                staff.flush();
                audit.success("staff.invite", RECORD, invited.getId(), String.join(",", invited.roles()));
                return invited;
            });
        } catch (RuntimeException e) {
            accounts.delete(subject);
            throw e;
        }
        return new InvitationResponse(toResponse(member), accounts.sendInvitation(subject));
    }

    /** Sends an invited person the e-mail again (a lost one, or one Keycloak could not send before). */
    public InvitationResponse resendInvitation(UUID id) {
        UUID clinicId = caller.clinicId();
        StaffMember member = QuarkusTransaction.requiringNew().call(() -> {
            StaffMember found = load(clinicId, id);
            if (found.status() != StaffStatus.INVITED) {
                throw Problems.conflict("not-invited", "Conflict",
                        "Only someone who has not signed in yet, and is not deactivated, can be sent an invitation.");
            }
            audit.success("staff.invitation-resend", RECORD, id);
            return found;
        });
        return new InvitationResponse(toResponse(member), accounts.sendInvitation(member.getSubject()));
    }

    /**
     * Refuses every request of the person from now on (this replica at once, the others within seconds), revokes
     * their calendar feed, then disables their Keycloak account and ends its sessions. Repeating it retries Keycloak.
     */
    public DeactivationResponse deactivate(UUID id) {
        UUID clinicId = caller.clinicId();
        StaffMember member = QuarkusTransaction.requiringNew().call(() -> {
            StaffMember found = load(clinicId, id);
            if (found.getSubject().equals(caller.subject())) {
                // Also keeps a clinic from losing its last admin through the API.
                throw Problems.conflict("cannot-deactivate-yourself", "Conflict",
                        "You cannot deactivate your own account. Ask another admin of your clinic.");
            }
            if (found.deactivate()) {
                if (feeds.deleteById(found.getId())) {
                    audit.success("calendar-feed.revoke", "therapist", found.getId());
                }
                staff.flush();
                audit.success("staff.deactivate", RECORD, id);
            }
            return found;
        });
        revocations.changed(member.getSubject(), true);
        boolean disabled = accounts.setEnabled(member.getSubject(), caller.clinicKey(), false);
        return QuarkusTransaction.requiringNew().call(() -> new DeactivationResponse(toResponse(member), disabled,
                couples.inCareWith(clinicId, id).stream().map(c -> reassign(c, id)).toList(),
                sessions.countScheduledFor(id, Instant.now())));
    }

    /**
     * Enables the person's Keycloak account, then serves their requests again; their old feed stays revoked. Keycloak
     * goes first: if it fails, nothing has changed (502), and a failure after it leaves them refused, the safe side.
     */
    public StaffResponse reactivate(UUID id) {
        UUID clinicId = caller.clinicId();
        StaffMember current = QuarkusTransaction.requiringNew().call(() -> load(clinicId, id));
        if (!accounts.setEnabled(current.getSubject(), caller.clinicKey(), true)) {
            throw Problems.badGateway("identity-provider-unavailable",
                    "The identity provider did not enable the account; nothing was changed. Try again later.");
        }
        StaffMember member = QuarkusTransaction.requiringNew().call(() -> {
            StaffMember found = load(clinicId, id);
            if (found.reactivate()) {
                staff.flush();
                audit.success("staff.reactivate", RECORD, id);
            }
            return found;
        });
        revocations.changed(member.getSubject(), false);
        return toResponse(member);
    }

    private StaffMember load(UUID clinicId, UUID id) {
        return staff.findInClinic(clinicId, id).orElseThrow(() -> Problems.notFound("staff member"));
    }

    private static CoupleToReassign reassign(Couple couple, UUID therapistId) {
        boolean primary = couple.getPrimaryTherapist() != null && couple.getPrimaryTherapist().getId().equals(therapistId);
        return new CoupleToReassign(couple.getId(), couple.getCode(), couple.getStatus().name(),
                primary ? "primary" : "co-therapist");
    }

    static StaffResponse toResponse(StaffMember m) {
        return new StaffResponse(m.getId(), m.getUsername(), m.getDisplayName(), m.getEmail(), m.roles(), m.status(),
                m.getInvitedAt(), m.getJoinedAt(), m.getDeactivatedAt(), m.getVersion());
    }
}
