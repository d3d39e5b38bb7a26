package dev.onboardingengine.api.slack;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.problem.AccessDenied;
import dev.onboardingengine.api.problem.FieldProblems;
import dev.onboardingengine.workflow.notification.SlackMembers;

/**
 * {@code /api/slack/members/{employeeId}}: who an employee is in Slack. The engine finds it by email
 * the first time it messages them; an administrator sets it here when the addresses differ (and it then
 * wins over any lookup), or removes it so the next message looks the person up again.
 */
@RestController
class SlackMembersController {

    /** Slack user ids: U or W, then upper-case letters and digits. */
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,31}");

    private final SlackMembers members;
    private final Employees employees;
    private final DirectoryAccess access;
    private final AuditLog audit;

    SlackMembersController(SlackMembers members, Employees employees, DirectoryAccess access, AuditLog audit) {
        this.members = members;
        this.employees = employees;
        this.access = access;
        this.audit = audit;
    }

    record SlackMember(@JsonProperty("employee_id") long employeeId, String email,
            @JsonProperty("slack_user_id") String slackUserId) {
    }

    record SlackMemberRequest(@JsonProperty("slack_user_id") String slackUserId) {
    }

    @GetMapping("/api/slack/members/{employeeId}")
    SlackMember get(Caller caller, @PathVariable long employeeId) {
        access.of(caller).requireAdmin();
        Employee employee = employee(employeeId);
        return new SlackMember(employee.id(), employee.email(), members.userIdOf(employee.email()).orElse(null));
    }

    @PutMapping("/api/slack/members/{employeeId}")
    @Transactional
    SlackMember set(Caller caller, @PathVariable long employeeId, @RequestBody SlackMemberRequest request) {
        access.of(caller).requireAdmin();
        Employee employee = employee(employeeId);
        String userId = request == null || request.slackUserId() == null ? null : request.slackUserId().strip();
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new InvalidSlackUserId();
        }
        Instant now = Instant.now();
        members.assign(employee.email(), userId, now);
        audit.record("slack_member_update", caller.employeeId(), "employee", employee.id(),
                "Slack user " + userId + " for " + employee.email(), now);
        return new SlackMember(employee.id(), employee.email(), userId);
    }

    @DeleteMapping("/api/slack/members/{employeeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void forget(Caller caller, @PathVariable long employeeId) {
        access.of(caller).requireAdmin();
        Employee employee = employee(employeeId);
        members.forget(employee.email());
        audit.record("slack_member_deletion", caller.employeeId(), "employee", employee.id(),
                "Slack match of " + employee.email() + " removed", Instant.now());
    }

    private Employee employee(long id) {
        return employees.find(id).orElseThrow(() -> new EmployeeUnknown(id));
    }

    static class EmployeeUnknown extends RuntimeException {

        EmployeeUnknown(long id) {
            super("No employee " + id + ".");
        }
    }

    static class InvalidSlackUserId extends RuntimeException {
    }

    @ExceptionHandler(InvalidSlackUserId.class)
    ProblemDetail invalid(InvalidSlackUserId invalid) {
        return FieldProblems.badRequest(Map.of("slack_user_id",
                List.of("A Slack user id is expected, such as U0123ABCD (in Slack: the person's profile, Copy member ID).")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        return FieldProblems.unreadable(unreadable, (type, field) -> "A value of another type is expected.");
    }

    @ExceptionHandler(EmployeeUnknown.class)
    ProblemDetail notFound(EmployeeUnknown unknown) {
        return FieldProblems.notFound(unknown.getMessage());
    }

    @ExceptionHandler(AccessDenied.class)
    ProblemDetail forbidden(AccessDenied denied) {
        return FieldProblems.forbidden(denied.getMessage());
    }
}
