package org.tandem.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call each operation of the API: the access matrix, written once. Keyed by OpenAPI operation id
 * ({@code Resource_method}); {@link AccessFilter} enforces it on every request, the OpenAPI document prints it in
 * each summary and security requirement, and {@code AccessMatrixTest} walks the document for every caller kind
 * against it. An operation without a rule is closed to everyone, and fails that test.
 *
 * <p>Which records a caller reaches inside an admitted operation is the same for every operation: an admin their
 * whole clinic, a therapist the couples assigned to them, an integration its whole clinic, within its scopes, a
 * partner their own couple ({@link AccessPolicy#reach()}); partners are admitted to their own operations
 * ({@code /api/v1/me/...}) and nothing else. Each rule's text says what differs (an author's note, an admin without
 * item answers), and the service asks {@link AccessPolicy} for exactly that.
 */
public final class AccessRules {

    /** The kinds of caller a rule can admit. A person with both roles is an admin and a therapist. */
    public enum Kind {
        ADMIN, THERAPIST, INTEGRATION, PARTNER
    }

    /**
     * One operation's rule: the kinds admitted, the OAuth2 scope an integration's token must carry (null: closed
     * to integrations), and the record-level reach in words for the API's readers.
     */
    public record Rule(Set<Kind> kinds, String scope, String people, String integrationNote, boolean isPublic) {

        public Rule orIntegration(String scope) {
            return orIntegration(scope, null);
        }

        public Rule orIntegration(String scope, String note) {
            Set<Kind> all = EnumSet.copyOf(kinds);
            all.add(Kind.INTEGRATION);
            return new Rule(all, scope, people, note, false);
        }

        public boolean admits(Kind kind) {
            return kinds.contains(kind);
        }

        /** The rule in words, as the OpenAPI summaries end: "roles: admin, therapist of the couple; ...". */
        public String describe() {
            StringBuilder text = new StringBuilder("roles: ").append(people);
            if (scope != null) {
                text.append("; integration with ").append(scope);
                if (integrationNote != null) {
                    text.append(", ").append(integrationNote);
                }
            }
            return text.toString();
        }
    }

    private static final Map<String, Rule> RULES = rules(
            rule("AuditResource_list", admin("admin")),
            rule("AuditResource_verify", admin("admin")),

            rule("BoundaryResource_create", staff("admin, therapist of the couple")),
            rule("BoundaryResource_list", staff("admin, therapist of the couple")),
            rule("BoundaryResource_get", staff("admin, therapist of the couple")),
            rule("BoundaryResource_renegotiate", staff("admin, therapist of the couple")),
            rule("BoundaryResource_review", staff("admin, therapist of the couple")),
            rule("BoundaryResource_retire", staff("admin, therapist of the couple")),

            rule("BoundaryBreakResource_record", therapist("therapist of the couple")),
            rule("BoundaryBreakResource_list", staff("admin, therapist of the couple")),

            rule("BoundaryReviewResource_due", staff("therapist: their couples; admin: the clinic")),

            rule("ClinicResource_get", staff("admin, therapist")),
            rule("ClinicResource_update", admin("admin")),
            rule("KeyRotationResource_start", admin("admin")),
            rule("KeyRotationResource_status", admin("admin")),

            rule("ConsentTemplateResource_create", admin("admin")),
            rule("ConsentTemplateResource_list", staff("admin, therapist")),
            rule("ConsentTemplateResource_get", staff("admin, therapist")),
            rule("ConsentTemplateResource_change", admin("admin")),
            rule("ConsentTemplateResource_retire", admin("admin")),
            rule("CoupleConsentResource_list", staff("admin, therapist of the couple")
                    .orIntegration(Scopes.CONSENTS_READ, "without who signed or a release's party")),
            rule("CoupleConsentResource_pdf", staff("admin, therapist of the couple")),

            rule("CoupleResource_create", staff("admin, therapist")),
            rule("CoupleResource_list", staff("admin: whole clinic; therapist: assigned couples")
                    .orIntegration(Scopes.COUPLES_READ)),
            rule("CoupleResource_get", staff("admin, assigned therapist")
                    .orIntegration(Scopes.COUPLES_READ)),
            rule("CoupleResource_update", staff("admin, assigned therapist")),
            rule("CoupleResource_changeStatus", staff("admin, assigned therapist")),
            rule("CoupleResource_assignTherapists", admin("admin")),

            rule("AssignmentResource_create", staff("admin, therapist of the couple")),
            rule("AssignmentResource_list", staff("admin, therapist of the couple")),
            rule("AssignmentResource_get", staff("admin, therapist of the couple")),
            rule("AssignmentResource_changeStatus", staff("admin, therapist of the couple")),
            rule("AssignmentResource_logCompletion", therapist("therapist of the couple")
                    .orIntegration(Scopes.EXERCISES_WRITE, "acting for a partner")),
            rule("AssignmentResource_markEnteredInError", therapist("therapist of the couple")
                    .orIntegration(Scopes.EXERCISES_WRITE, "completions it logged")),
            rule("AssignmentResource_completions", staff("therapist of the couple; admin without reflections")
                    .orIntegration(Scopes.EXERCISES_READ, "without reflections")),
            rule("AssignmentResource_adherence", staff("admin, therapist of the couple")),

            rule("DiagnosisResource_record", therapist("therapist of the couple")),
            rule("DiagnosisResource_list", staff("therapist of the couple; admin: that they exist, without codes")),
            rule("DiagnosisResource_get", staff("therapist of the couple; admin: that it exists, without the code")),
            rule("DiagnosisResource_resolve", therapist("therapist of the couple")),
            rule("DiagnosisResource_markEnteredInError", therapist("therapist of the couple")),
            rule("MyCheckInResource_write", partner("partner: their own, today or up to 7 days back")),
            rule("MyCheckInResource_list", partner("partner: their own and what the other shared")),
            rule("CoupleCheckInResource_list", staff("therapist of the couple: every check-in; admin: that they"
                    + " exist")),
            rule("DisclosureResource_plan", therapist("therapist of the couple")),
            rule("DisclosureResource_list", staff("therapist of the couple; admin: dates and status only")),
            rule("DisclosureResource_get", staff("therapist of the couple; admin: dates and status only")),
            rule("DisclosureResource_document", therapist("therapist of the couple")),
            rule("DisclosureResource_writeDocument", therapist("therapist of the couple")),
            rule("DisclosureResource_questions", therapist("therapist of the couple")),
            rule("DisclosureResource_schedule", therapist("therapist of the couple")),
            rule("DisclosureResource_complete", therapist("therapist of the couple")),
            rule("DisclosureResource_destroy", therapist("therapist of the couple, as agreed in session")),
            rule("MyDisclosureResource_list", partner("partner: their couple's, dates and status")),
            rule("MyDisclosureResource_document", partner("partner in recovery only: the document they draft")),
            rule("MyDisclosureResource_writeDocument", partner("partner in recovery only")),
            rule("MyDisclosureResource_questions", partner("partner: the betrayed partner's questions")),
            rule("MyDisclosureResource_ask", partner("betrayed partner only")),
            rule("MyDisclosureResource_withdraw", partner("betrayed partner only: the questions they asked")),
            rule("MyDisclosureResource_agreeToDestruction", partner("betrayed partner only")),
            rule("MyLetterResource_write", partner("partner: an impact letter (the betrayed partner) or a"
                    + " restitution letter (the partner in recovery)")),
            rule("MyLetterResource_list", partner("partner: their own, and the other's once shared or read")),
            rule("MyLetterResource_get", partner("partner: their own, and the other's once shared or read")),
            rule("MyLetterResource_rewrite", partner("partner: the author, until delivered")),
            rule("MyLetterResource_share", partner("partner: the author")),
            rule("CoupleLetterResource_list", staff("therapist of the couple; admin: that they exist")),
            rule("CoupleLetterResource_get", staff("therapist of the couple; admin: that it exists")),
            rule("CoupleLetterResource_read", therapist("therapist of the couple")),
            rule("ScreeningResource_record", therapist("therapist of the couple")),
            rule("ScreeningResource_list", staff("therapist of the couple; admin: whether joint sessions are on"
                    + " hold, without results")),
            rule("ScreeningResource_clear", therapist("therapist of the couple")),
            rule("PolygraphResource_record", therapist("therapist of the couple")),
            rule("PolygraphResource_markEnteredInError", therapist("therapist of the couple")),
            rule("PolygraphResource_list", staff("therapist of the couple; admin: dates and kinds, without"
                    + " questions or outcomes")),
            rule("PolygraphResource_schedule", therapist("therapist of the couple")),
            rule("RecoveryStageResource_record", therapist("therapist of the couple")),
            rule("RecoveryStageResource_list", staff("therapist of the couple; admin")),
            rule("DiagnosisCodeResource_list", staff("admin, therapist")),
            rule("DiagnosisCodeResource_add", admin("admin")),

            rule("ExerciseResource_list", staff("admin, therapist")),
            rule("ExerciseResource_get", staff("admin, therapist")),
            rule("ExerciseResource_version", staff("admin, therapist")),
            rule("ExerciseResource_create", staff("admin, therapist")),
            rule("ExerciseResource_update", staff("admin, therapist")),
            rule("ExerciseResource_archive", staff("admin, therapist")),

            rule("ExportResource_create", staff("admin: any kind for the clinic; therapist: OBSERVATIONS of their own couples")),
            rule("ExportResource_list", staff("admin: the clinic's; therapist: their own")),
            rule("ExportResource_get", staff("admin of the clinic; therapist who asked")),
            rule("ExportResource_cancel", staff("admin of the clinic; therapist who asked")),
            rule("ExportResource_content", staff("admin of the clinic; therapist who asked")),

            rule("MeasurementResource_record", therapist("therapist of the couple")
                    .orIntegration(Scopes.MEASUREMENTS_WRITE, "SELF_REPORT only")),
            rule("MeasurementResource_markEnteredInError", therapist("therapist of the couple")
                    .orIntegration(Scopes.MEASUREMENTS_WRITE, "values it recorded")),
            rule("MeasurementResource_list", staff("admin, therapist of the couple")
                    .orIntegration(Scopes.MEASUREMENTS_READ, "not a partner's private values")),

            rule("MetricResource_list", staff("admin, therapist")
                    .orIntegration(Scopes.MEASUREMENTS_READ)),
            rule("MetricResource_define", admin("admin")),

            rule("NoteResource_create", therapist("therapist, the session's own")),
            rule("NoteResource_get", staff("therapist of the couple; admin: metadata only")),
            rule("NoteResource_update", therapist("therapist, the author")),
            rule("NoteResource_sign", therapist("therapist, the author")),
            rule("NoteResource_cosign", therapist("therapist of the couple, not the author")),
            rule("NoteResource_addAddendum", therapist("therapist of the couple")),
            rule("NoteResource_history", therapist("therapist, the author")),

            rule("MeResource_get", partner("partner: themselves")),
            rule("MySessionResource_upcoming", partner("partner: joint sessions and their own individual ones")),
            rule("MySessionResource_rotateCalendarFeed", partner("partner: their own feed")),
            rule("MySessionResource_calendarFeed", partner("partner: their own feed")),
            rule("MySessionResource_revokeCalendarFeed", partner("partner: their own feed")),
            rule("MyAssignmentResource_list", partner("partner: joint exercises and their own")),
            rule("MyAssignmentResource_completions", partner("partner: their own and the other's shared reflections")),
            rule("MyAssignmentResource_logCompletion", partner("partner: for themselves")),
            rule("MyAssignmentResource_share", partner("partner: their own completions")),
            rule("MyRatingResource_list", partner("partner: their own, the couple's and the other's shared ratings")),
            rule("MyRatingResource_record", partner("partner: about themselves or the couple")),
            rule("MyRatingResource_share", partner("partner: their own ratings")),
            rule("MyQuestionnaireResource_list", partner("partner: their own and the other's shared responses")),
            rule("MyQuestionnaireResource_submit", partner("partner: for themselves")),
            rule("MyQuestionnaireResource_share", partner("partner: their own responses")),
            rule("MyQuestionnaireResource_assigned", partner("partner: the assignments asking them")),
            rule("MyQuestionnaireResource_report", partner("partner: their own scores")),
            rule("MyConsentResource_list", partner("partner: the clinic's forms and their own signatures")),
            rule("MyConsentResource_sign", partner("partner: for themselves")),
            rule("MyConsentResource_revoke", partner("partner: their own signature")),
            rule("MyConsentResource_pdf", partner("partner: what they signed")),
            rule("MySobrietyResource_get", partner("partner in recovery: their own streak")),
            rule("MyBoundaryResource_list", partner("partner: the couple's agreements")),
            rule("MyBoundaryResource_agree", partner("partner: their own agreement")),

            rule("NotificationResource_list", admin("admin")),
            rule("NotificationResource_history", admin("admin: the clinic's messages")),
            rule("UnsubscribeResource_unsubscribe", anyone("none; the message's one-time link is the credential")),
            rule("MyNotificationPreferenceResource_get", person("partner or therapist: their own choices")),
            rule("MyNotificationPreferenceResource_choose", person("partner or therapist: their own choices")),

            rule("PartnerAccountResource_invite", staff("admin, therapist of the couple")),
            rule("PartnerAccountResource_get", staff("admin, therapist of the couple")),
            rule("PartnerAccountResource_revoke", staff("admin, therapist of the couple")),
            rule("PartnerActivationResource_activate", anyone("none; the one-time activation code is the credential")),

            rule("ProgressResource_get", staff("admin, therapist of the couple")),

            rule("InstrumentResource_list", staff("admin, therapist")
                    .orIntegration(Scopes.MEASUREMENTS_READ)),
            rule("InstrumentResource_get", staff("admin, therapist")
                    .orIntegration(Scopes.MEASUREMENTS_READ)),

            rule("QuestionnaireResource_submit", therapist("therapist of the couple")
                    .orIntegration(Scopes.MEASUREMENTS_WRITE, "SELF_REPORT only")),
            rule("QuestionnaireResource_list", staff("admin without item answers, therapist of the couple")
                    .orIntegration(Scopes.MEASUREMENTS_READ, "not a partner's private responses, no item answers")),
            rule("QuestionnaireResource_markEnteredInError", therapist("therapist of the couple")
                    .orIntegration(Scopes.MEASUREMENTS_WRITE, "responses it recorded")),
            rule("QuestionnaireResource_get", staff("admin without item answers, therapist of the couple")
                    .orIntegration(Scopes.MEASUREMENTS_READ, "not a partner's private responses, no item answers")),

            rule("QuestionnaireAssignmentResource_assign", therapist("therapist of the couple")),
            rule("QuestionnaireAssignmentResource_list", staff("admin, therapist of the couple")),
            rule("QuestionnaireAssignmentResource_compare", staff("admin, therapist of the couple")),

            rule("SafetyAgendaResource_agenda", staff("admin: whole clinic; therapist: their couples")),

            rule("SafetyPlanResource_create", therapist("therapist of the couple")),
            rule("SafetyPlanResource_get", therapist("therapist of the couple")),
            rule("SafetyPlanResource_revise", therapist("therapist of the couple")),
            rule("MySafetyPlanResource_get", partner("partner: their own plan")),

            rule("SafetyFlagResource_raise", therapist("therapist of the couple")),
            rule("SafetyFlagResource_forCouple", staff("admin, therapist of the couple")),
            rule("SafetyFlagResource_acknowledge", therapist("therapist of the couple")),

            rule("ReportResource_get", staff("admin, therapist of the couple")),
            rule("TrustTimelineResource_get", staff("therapist of the couple; admin: without polygraph"
                    + " outcomes")),

            rule("AvailabilityResource_workingHours", staff("admin, therapist")),
            rule("AvailabilityResource_setWorkingHours", staff("admin; therapist for themselves")),
            rule("AvailabilityResource_freeSlots", staff("admin, therapist")),

            rule("CalendarFeedResource_rotate", therapist("therapist")),
            rule("CalendarFeedResource_status", therapist("therapist")),
            rule("CalendarFeedResource_revoke", therapist("therapist")),
            rule("CalendarFeedResource_clinicFeeds", admin("admin")),
            rule("CalendarFeedResource_revokeFor", admin("admin")),
            rule("CalendarFeedResource_feed", anyone("none; the secret URL is the credential")),

            rule("CoupleSessionResource_list", staff("admin, therapist of the couple")),

            rule("SeriesResource_create", staff("admin, assigned therapist")),
            rule("SeriesResource_get", staff("admin, therapist of the couple")),
            rule("SeriesResource_changeFollowing", staff("admin, therapist of the couple")),
            rule("SeriesResource_cancelFollowing", staff("admin, therapist of the couple")),

            rule("SessionResource_create", staff("admin, assigned therapist")
                    .orIntegration(Scopes.SCHEDULE_WRITE)),
            rule("SessionResource_list", staff("admin: whole clinic; therapist: their couples' sessions")
                    .orIntegration(Scopes.SCHEDULE_READ)),
            rule("SessionResource_get", staff("admin, therapist of the couple")
                    .orIntegration(Scopes.SCHEDULE_READ)),
            rule("SessionResource_ics", staff("admin, therapist of the couple")),
            rule("SessionResource_reschedule", staff("admin, therapist of the couple")
                    .orIntegration(Scopes.SCHEDULE_WRITE)),
            rule("SessionResource_cancel", staff("admin, therapist of the couple")
                    .orIntegration(Scopes.SCHEDULE_WRITE)),
            rule("SessionResource_complete", staff("admin, therapist of the couple")),
            rule("SessionResource_noShow", staff("admin, therapist of the couple")),

            rule("SobrietyResource_get", staff("admin without notes, therapist of the couple")),
            rule("SobrietyResource_logReset", therapist("therapist of the couple")),
            rule("SobrietyResource_markEnteredInError", therapist("therapist of the couple")),

            rule("TreatmentPlanResource_create", therapist("therapist of the couple")),
            rule("TreatmentPlanResource_get", staff("therapist of the couple; admin: versions and dates, not the"
                    + " words").orIntegration(Scopes.TREATMENT_PLANS_READ, "as an admin, not the words")),
            rule("TreatmentPlanResource_change", therapist("therapist of the couple")),
            rule("TreatmentPlanResource_sign", therapist("therapist of the couple")),
            rule("TreatmentPlanReviewResource_due", staff("therapist: their couples; admin: the clinic")
                    .orIntegration(Scopes.TREATMENT_PLANS_READ, "the clinic")),
            rule("MyTreatmentPlanResource_get", partner("partner: the plan in force for their couple")),
            rule("MyTreatmentPlanResource_agree", partner("partner: their own agreement")),

            rule("StaffResource_list", admin("admin")),
            rule("StaffResource_get", admin("admin")),
            rule("StaffResource_invite", admin("admin")),
            rule("StaffResource_resendInvitation", admin("admin")),
            rule("StaffResource_deactivate", admin("admin")),
            rule("StaffResource_reactivate", admin("admin")),

            rule("TherapistResource_list", admin("admin")),

            rule("WebhookResource_register", admin("admin")),
            rule("WebhookResource_list", admin("admin")),
            rule("WebhookResource_deactivate", admin("admin")),
            rule("WebhookResource_deliveries", admin("admin")),
            rule("WebhookResource_redeliver", admin("admin"))
    );

    private AccessRules() {
    }

    /** The rule of an operation, by OpenAPI operation id; empty: no rule, so nobody may call it. */
    public static Optional<Rule> of(String operationId) {
        return Optional.ofNullable(RULES.get(operationId));
    }

    /** Every rule, in the order written. */
    public static Map<String, Rule> all() {
        return RULES;
    }

    /** The operation id of a resource method, as the OpenAPI document names it (strategy CLASS_METHOD). */
    public static String operationId(java.lang.reflect.Method method) {
        return method.getDeclaringClass().getSimpleName() + "_" + method.getName();
    }

    private static Rule admin(String people) {
        return new Rule(EnumSet.of(Kind.ADMIN), null, people, null, false);
    }

    private static Rule therapist(String people) {
        return new Rule(EnumSet.of(Kind.THERAPIST), null, people, null, false);
    }

    /** A partner signed in themselves, acting on their own records. */
    private static Rule partner(String people) {
        return new Rule(EnumSet.of(Kind.PARTNER), null, people, null, false);
    }

    /** A partner or a therapist, each acting on what is theirs alone (the messages sent to them). */
    private static Rule person(String people) {
        return new Rule(EnumSet.of(Kind.PARTNER, Kind.THERAPIST), null, people, null, false);
    }

    /** Admins and therapists: the clinic's people. */
    private static Rule staff(String people) {
        return new Rule(EnumSet.of(Kind.ADMIN, Kind.THERAPIST), null, people, null, false);
    }

    /** No token: the operation checks its own credential (the calendar feed's secret URL). */
    private static Rule anyone(String people) {
        return new Rule(EnumSet.noneOf(Kind.class), null, people, null, true);
    }

    private static Map.Entry<String, Rule> rule(String operationId, Rule rule) {
        return Map.entry(operationId, rule);
    }

    @SafeVarargs
    private static Map<String, Rule> rules(Map.Entry<String, Rule>... entries) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Map.Entry<String, Rule> entry : entries) {
            if (rules.put(entry.getKey(), entry.getValue()) != null) {
                throw new IllegalStateException("Two rules for " + entry.getKey());
            }
        }
        return java.util.Collections.unmodifiableMap(rules);
    }
}
