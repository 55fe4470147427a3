package org.tandem.security;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import lombok.RequiredArgsConstructor;
import org.tandem.common.web.Problems;
import org.tandem.security.AccessRules.Kind;
import org.tandem.security.AccessRules.Rule;

/**
 * The one place that decides what the caller may do: whether they may call this operation at all
 * ({@link #admit}, from {@link AccessRules}), which records they reach in it ({@link #reach()}, which the
 * repositories' scoped queries apply), and the few record-level rules inside an operation (a note's readers, who
 * marks an entry in error, who sees private entries, whose therapist id a booking takes). Services ask it instead
 * of looking at roles; {@link Caller} only says who is calling.
 */
@RequestScoped
@RequiredArgsConstructor
public class AccessPolicy {

    private final Caller caller;
    private Rule admitted;

    /**
     * Lets the caller into an operation, or says why not: 401 without a token, 403 when no kind the caller is
     * appears in the rule (or the operation has no rule), 403 insufficient_scope (RFC 6750) when an integration's
     * token lacks the rule's scope.
     */
    void admit(String operationId) {
        Rule rule = AccessRules.of(operationId).orElse(null);
        if (rule != null && rule.isPublic()) {
            admitted = rule;
            return;
        }
        if (!caller.isAuthenticated()) {
            throw new UnauthorizedException();
        }
        if (rule == null) {
            throw Problems.forbidden("forbidden", "Nobody may use this operation.");
        }
        if (caller.isIntegration()) {
            if (!rule.admits(Kind.INTEGRATION)) {
                throw Problems.forbidden("forbidden", "Integrations may not use this operation.");
            }
            if (!caller.hasScope(rule.scope())) {
                throw insufficientScope(rule.scope());
            }
        } else if (caller.isPartner()) {
            if (!rule.admits(Kind.PARTNER)) {
                throw Problems.forbidden("forbidden", "Partners may not use this operation.");
            }
        } else if (!(caller.isAdmin() && rule.admits(Kind.ADMIN))
                && !(caller.isTherapist() && rule.admits(Kind.THERAPIST))) {
            throw Problems.forbidden("forbidden", "Your role does not allow this operation.");
        }
        admitted = rule;
    }

    /**
     * What the caller reaches in the admitted operation: an admin their whole clinic, a therapist the couples
     * assigned to them, an integration its whole clinic (its scope was checked on the way in), a partner their own
     * couple.
     */
    public AccessScope reach() {
        if (caller.isPartner()) {
            return AccessScope.ownCouple(caller.clinicId(), me().coupleId());
        }
        UUID clinic = caller.clinicId();
        if (caller.isAdmin() || (caller.isIntegration() && admitted != null && admitted.admits(Kind.INTEGRATION))) {
            return AccessScope.wholeClinic(clinic);
        }
        Optional<UUID> therapist = caller.therapistId();
        if (therapist.isPresent()) {
            return AccessScope.assignedTo(clinic, therapist.get());
        }
        throw Problems.forbidden("forbidden", "Your role does not give access to clinical records.");
    }

    /**
     * The therapist a new couple or booking is for: a therapist acts for themselves (naming anyone else is an
     * admin's decision, a 400 on {@code field}); an admin or integration names one (null when the request does
     * not). The caller checks that the one named is an active therapist of the clinic.
     */
    public UUID therapistFor(AccessScope reach, UUID requested, String field) {
        if (reach.isWholeClinic()) {
            return requested;
        }
        if (requested != null && !requested.equals(reach.therapistId())) {
            throw Problems.invalid(field, "body", "must be your own id or left out; an admin decides for other"
                    + " therapists");
        }
        return reach.therapistId();
    }

    /**
     * Who reads a note: its author and the couple's therapists read its text (a psychotherapy note is its author's
     * alone), an admin that it exists (false). Anyone else is told it does not exist (404 naming {@code record}).
     */
    public boolean readsNoteText(UUID author, boolean psychotherapy, Predicate<UUID> treatsTheCouple, String record) {
        UUID me = caller.therapistId().orElse(null);
        if (me != null && me.equals(author)) {
            return true;
        }
        if (psychotherapy) {
            throw Problems.notFound(record);
        }
        if (me != null && treatsTheCouple.test(me)) {
            return true;
        }
        if (caller.isAdmin()) {
            return false;
        }
        throw Problems.notFound(record);
    }

    /** Whether the caller is the note's author, the only one who edits, signs or reads its history. */
    public boolean isAuthor(UUID author) {
        return author.equals(caller.therapistId().orElse(null));
    }

    /**
     * Whether the caller may mark an entry recorded by {@code recordedBy} as entered in error: a therapist any entry
     * of the couples they reach, an integration only what it recorded itself.
     */
    public boolean mayMarkEntryOf(String recordedBy) {
        return !caller.isIntegration() || recordedBy.equals(caller.subject());
    }

    /**
     * The partner a partner's request acts for: the one record their token is bound to. Anyone else is refused
     * (the rules admit only partners to the operations that ask).
     */
    public PartnerBindings.Bound me() {
        return caller.partner().orElseThrow(
                () -> Problems.forbidden("forbidden", "Only a partner signed in themselves has a partner view."));
    }

    /**
     * Whose private entries the caller sees: a therapist or admin of the couple all of them, a partner their own and
     * what the other shared, a clinic-wide integration none (it acts for no one partner; an app acting for one
     * partner signs in as that partner).
     */
    public PartnerView partnerView() {
        if (caller.isPartner()) {
            return PartnerView.partner(me().partnerId());
        }
        return caller.isIntegration() ? PartnerView.outsider() : PartnerView.clinician();
    }

    /**
     * Whether the caller reads what partners write for their therapist (reflections, item answers) of an entry
     * {@code view} shows: the couple's therapists all of it, a partner what is theirs or shared with them. Admins
     * and integrations see that it exists.
     */
    public boolean readsPrivateText(PartnerView view, UUID owner, boolean isPrivate) {
        return caller.isTherapist() || (caller.isPartner() && view.sees(owner, isPrivate));
    }

    /** Whether the caller sees clinical free text a therapist wrote (why an entry was marked in error, reset notes). */
    public boolean seesClinicalText() {
        return caller.isTherapist();
    }

    /** Whether the caller sees safety flags (and the reasons a response raised them): anyone but a partner. */
    public boolean seesSafetyFlags() {
        return !caller.isPartner();
    }

    /**
     * Whether the caller sees a record that belongs to one partner ({@code owner}; null: the couple's), such as an
     * individual session or an exercise assigned to one partner: a partner never sees the other partner's.
     */
    public boolean seesRecordOf(UUID owner) {
        return !caller.isPartner() || owner == null || owner.equals(me().partnerId());
    }

    /**
     * Whether the caller reads who signed a consent (the typed name, the address, a release's party and scope): the
     * couple's clinicians and the signer themselves; a clinic-wide integration sees the status only.
     */
    public boolean seesSignerOf(UUID signer) {
        return caller.isPartner() ? signer.equals(me().partnerId()) : !caller.isIntegration();
    }

    /** Whether the caller records only what a partner reports themselves: integrations and partners. */
    public boolean recordsSelfReportsOnly() {
        return caller.isIntegration() || caller.isPartner();
    }

    private static HttpProblem insufficientScope(String scope) {
        return HttpProblem.builder()
                .withType(Problems.type("insufficient-scope"))
                .withStatus(403)
                .withTitle("Forbidden")
                .withDetail("Your token lacks the scope this operation requires.")
                .with("scope", scope)
                .withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\"")
                .build();
    }
}
