package dev.onboardingengine.api.dialect.workelo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.onboardingengine.api.tracks.TrackRequest;
import dev.onboardingengine.workflow.action.Action;
import dev.onboardingengine.workflow.action.OwnedAction;
import dev.onboardingengine.workflow.sequence.Sequence;

/** The request and response bodies of Workelo's track routes ({@link WorkeloTrackController}). */
final class WorkeloTrackBodies {

    private WorkeloTrackBodies() {
    }

    /** An action's state as Workelo's action objects name it. */
    static String stateOf(Action action) {
        return action.removed() ? "removed" : action.isOpen() ? "open" : "done";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TrackCreation(
            String mobility,
            @JsonProperty("start_date") LocalDate startDate,
            @JsonProperty("end_date") LocalDate endDate,
            @JsonProperty("employee_id") Long employeeId,
            Person employee,
            ImplicationsBody implications,
            @JsonProperty("template_ids") List<Long> templateIds) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Person(
                @JsonProperty("first_name") String firstName,
                @JsonProperty("last_name") String lastName,
                String email,
                @JsonProperty("job_position") String jobPosition,
                @JsonProperty("external_id") String externalId,
                @JsonProperty("unit_organization_id") Long unitOrganizationId,
                @JsonProperty("time_zone") String timeZone,
                String language,
                String phone) {
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TrackUpdate(
            @JsonProperty("start_date") LocalDate startDate,
            @JsonProperty("end_date") LocalDate endDate,
            @JsonProperty("apply_on_actions") Boolean applyOnActions,
            ImplicationsBody implications) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StartRequest(@JsonProperty("invite_at") LocalDate inviteAt) {
    }

    record ImplicationsBody(
            @JsonProperty("hr_id") Long hrId,
            @JsonProperty("manager_id") Long managerId,
            @JsonProperty("buddy_id") Long buddyId) {

        TrackRequest.Implications toDomain() {
            return new TrackRequest.Implications(hrId, managerId, buddyId);
        }
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "WorkeloTrackEmployee")
    record EmployeeSummary(long id, @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName, String email,
            @JsonProperty("unit_organization_id") Long unitOrganizationId) {
    }

    record TrackResponse(
            long id,
            String mobility,
            String status,
            @JsonProperty("employee_id") long employeeId,
            EmployeeSummary employee,
            @JsonProperty("start_date") LocalDate startDate,
            @JsonProperty("end_date") LocalDate endDate,
            @JsonProperty("starts_at") Instant startsAt,
            @JsonProperty("ends_at") Instant endsAt,
            @JsonProperty("time_zone") String timeZone,
            ImplicationsBody implications,
            @JsonProperty("template_keys") List<String> templateKeys,
            @JsonProperty("process_instance_id") String processInstanceId,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Metrics metrics) {
    }

    /**
     * @param health late (an action is overdue), at_risk (an open action is due within two days), on_track
     * @param progression completed / total actions, 0 to 1
     * @param actionAvailabilityRate actions open now / total, 0 to 1
     */
    record Metrics(
            String health,
            double progression,
            @JsonProperty("action_availability_rate") double actionAvailabilityRate,
            @JsonProperty("completed_actions_count") int completedActionsCount,
            @JsonProperty("total_actions_count") int totalActionsCount,
            @JsonProperty("available_actions_count") int availableActionsCount,
            @JsonProperty("overdue_actions_count") int overdueActionsCount,
            @JsonProperty("overdue_actions") List<ActionResponse> overdueActions) {
    }

    record ActionResponse(String id, String name, String template, @JsonProperty("assignee_id") String assigneeId,
            @JsonProperty("due_date") Instant dueDate, String state, boolean overdue) {

        static ActionResponse of(Action action) {
            return new ActionResponse(action.id(), action.name(), action.sequenceKey(), action.assigneeId(),
                    action.due(),
                    stateOf(action), action.overdue());
        }
    }

    record OwnerActionResponse(String id, String name, String template, @JsonProperty("due_date") Instant dueDate,
            String state, boolean overdue, @JsonProperty("track_id") Long trackId,
            @JsonProperty("employee_id") Long employeeId) {

        static OwnerActionResponse of(OwnedAction owned) {
            Action action = owned.action();
            return new OwnerActionResponse(action.id(), action.name(), action.sequenceKey(), action.due(),
                    stateOf(action), action.overdue(), owned.journeyId(), owned.employeeId());
        }
    }

    record TemplateResponse(long id, String name, @JsonProperty("process_key") String processKey, String mobility,
            @JsonProperty("unit_organization_external_ids") List<String> unitOrganizationExternalIds) {

        static TemplateResponse of(Sequence sequence) {
            return new TemplateResponse(sequence.id(), sequence.name(), sequence.processKey(), sequence.mobility(),
                    sequence.unitExternalIds());
        }
    }
}
