package dev.onboardingengine.api.dialect.offly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.auth.RateLimitProperties;
import dev.onboardingengine.api.directory.DirectoryEntries.Standing;
import dev.onboardingengine.api.directory.DirectoryEntry;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeProfile;
import dev.onboardingengine.api.directory.EmployeeReach;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.EmployeeEditor;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.organisation.Organisations;
import dev.onboardingengine.api.people.CannotRemoveSelf;
import dev.onboardingengine.api.people.Enrolment;
import dev.onboardingengine.api.people.People;
import dev.onboardingengine.api.people.PersonArchived;
import dev.onboardingengine.api.people.PersonChange;
import dev.onboardingengine.api.people.PersonChanges;
import dev.onboardingengine.api.people.PersonEnrolment;
import dev.onboardingengine.api.people.PersonNotFound;
import dev.onboardingengine.api.people.PersonRef;
import dev.onboardingengine.api.people.PersonRemoval;
import dev.onboardingengine.workflow.journey.ConflictRetry;

/**
 * Offly's dialect alone: its controller, translation and error mapping over the people services, which
 * are mocked at the seam. No engine, no database: what is checked is Offly's shapes and names.
 */
@EnableConfigurationProperties(RateLimitProperties.class)
// The slice sets the caller as ApiTokenFilter would; Spring Security's default chain (on the classpath
// for Workelo's OAuth token endpoint, excluded by the application) is left out of MockMvc too.
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(OfflyUsersController.class)
@Import({OfflyTranslation.class, OfflyDepartments.class, OfflyPatch.Reader.class, ConflictRetry.class})
class OfflyUsersControllerTests {

    static final Caller ADMIN = new Caller(1, "admin@example.com", EmployeeRole.ADMIN);
    static final UUID ADA = UUID.fromString("6d1b8a8e-52a4-4c8f-9a4e-2f1f0d5c9a01");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    People people;
    @MockitoBean
    PersonEnrolment enrolment;
    @MockitoBean
    PersonChanges changes;
    @MockitoBean
    PersonRemoval removal;
    @MockitoBean
    DirectoryAccess access;
    @MockitoBean
    Organisations organisations;

    final Access rights = new Access(ADMIN, true, true, false, EmployeeReach.EVERYONE);

    @BeforeEach
    void callerIsAnAdministrator() {
        given(access.of(ADMIN)).willReturn(rights);
        given(people.standingOf(any())).willReturn(Standing.PENDING);
    }

    @Test
    void createsAUserFromOfflysFieldsAndAnswersWithOfflysUserObject() throws Exception {
        // Given the directory adds whoever it is asked to
        ArgumentCaptor<Enrolment> asked = ArgumentCaptor.forClass(Enrolment.class);
        given(enrolment.enrol(asked.capture(), eq(rights))).willReturn(ada("mon,wed", "de"));

        // When Offly's documented create arrives
        mvc.perform(as(post("/api/v1/users")).content("""
                {"email":"ada@example.com","first_name":"Ada","last_name":"Lovelace","job_title":"Analyst",
                 "start_date":"2027-01-04","public_holiday_country_code":" de "}
                """))
                // Then the answer is Offly's user object, from the person the directory returned
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(ADA.toString()))
                .andExpect(jsonPath("$.role").value("employee"))
                .andExpect(jsonPath("$.status").value("pending"))
                .andExpect(jsonPath("$.working_days[1]").value("wed"))
                .andExpect(jsonPath("$.public_holiday_country_code").value("de"))
                .andExpect(jsonPath("$.is_active").value(true));
        // And the domain was asked for a new hire with Offly's defaults, in the domain's terms
        Enrolment sent = asked.getValue();
        assertThat(sent.hire().role()).isEqualTo(EmployeeRole.NEW_HIRE);
        assertThat(sent.hire().position()).isEqualTo("Analyst");
        assertThat(sent.hire().startDay()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(sent.profile().fields()).containsEntry("working_days", "mon,tue,wed,thu,fri")
                .containsEntry("public_holiday_country_code", "DE");
        assertThat(sent.violations()).isEmpty();
    }

    @Test
    void namesTheDomainsFieldsAsOfflyDoesWhenAHireIsRefused() throws Exception {
        // Given the directory refuses the hire for its position and unit
        given(enrolment.enrol(any(), eq(rights))).willThrow(new InvalidHire(List.of(
                new InvalidHire.Violation("position", "too_long", 255),
                new InvalidHire.Violation("unitOrganizationId", "unknown_reference", "x"))));

        // When a create arrives
        mvc.perform(as(post("/api/v1/users")).content("{\"email\":\"ada@example.com\"}"))
                // Then Offly's 422 names job_title first and department_id too
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.error.code").value("validation_error"))
                .andExpect(jsonPath("$.error.details.field").value("job_title"))
                .andExpect(jsonPath("$.error.details.fields.department_id[0]").value("no such id: x."));
    }

    @Test
    void aTakenEmailIsAConflict() throws Exception {
        // Given the email belongs to someone else
        given(enrolment.enrol(any(), eq(rights))).willThrow(new InvalidHire(List.of(
                new InvalidHire.Violation("email", "duplicate", "ada@example.com"))));

        // When a create arrives, then Offly answers 409 conflict
        mvc.perform(as(post("/api/v1/users")).content("{\"email\":\"ada@example.com\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("conflict"));
    }

    @Test
    void aPatchFieldOutsideOfflysSchemaIsRefusedBeforeTheDomainHearsOfIt() throws Exception {
        // When a PATCH names the email, which Offly's schema does not let a change carry
        mvc.perform(as(patch("/api/v1/users/" + ADA)).content("{\"email\":\"new@example.com\",\"first_name\":\"A\"}"))
                // Then it is a 422 naming it, and nothing was asked of the directory
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.error.details.field").value("email"));
        verifyNoInteractions(changes);
    }

    @Test
    void aPatchWithANullManagerClearsTheManager() throws Exception {
        // Given the directory applies changes
        ArgumentCaptor<PersonChange> asked = ArgumentCaptor.forClass(PersonChange.class);
        given(changes.change(asked.capture(), eq(rights))).willReturn(ada(null, null));

        // When a PATCH sets manager_id to null and the working days
        mvc.perform(
                as(patch("/api/v1/users/" + ADA)).content("{\"manager_id\":null,\"working_days\":[\"FRI\",\"mon\"]}"))
                .andExpect(status().isOk());

        // Then the change names the person by UUID, clears the manager, and sets the days in Offly's order
        PersonChange sent = asked.getValue();
        assertThat(sent.person()).isEqualTo(PersonRef.byUuid(ADA));
        assertThat(sent.cleared()).containsExactly(EmployeeEditor.Cleared.MANAGER);
        assertThat(sent.profile()).isEqualTo(Map.of("working_days", "mon,fri"));
        assertThat(sent.violations()).isEmpty();
    }

    @Test
    void changingAnArchivedUserIsAConflict() throws Exception {
        given(changes.change(any(), eq(rights))).willThrow(new PersonArchived(PersonRef.byUuid(ADA)));

        mvc.perform(as(patch("/api/v1/users/" + ADA)).content("{\"first_name\":\"Ada\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.message").value("User " + ADA + " is archived and cannot be changed"));
    }

    @Test
    void anUnknownUserIsOfflysNotFound() throws Exception {
        given(people.visible(PersonRef.byUuid(ADA), rights)).willThrow(new PersonNotFound(PersonRef.byUuid(ADA)));

        mvc.perform(as(get("/api/v1/users/" + ADA)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("not_found"))
                .andExpect(jsonPath("$.error.message").value("No user with id " + ADA));
    }

    @Test
    void deletingYourselfIsForbiddenInOfflysWords() throws Exception {
        willThrow(new CannotRemoveSelf(CannotRemoveSelf.Removal.DELETE)).given(removal)
                .delete(PersonRef.byUuid(ADA), rights);

        mvc.perform(as(delete("/api/v1/users/" + ADA)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error.message").value("You cannot archive yourself."));
    }

    @Test
    void listsOnePageAndAPointerToTheNext() throws Exception {
        // Given three people after the cursor, where two were asked for
        given(people.page(Standing.ACTIVE, rights, null, 3)).willReturn(List.of(ada(null, null), ada(null, null),
                ada(null, null)));

        // When the first page of active users is asked for
        mvc.perform(as(get("/api/v1/users?status=active&limit=2")))
                // Then two come, and the cursor says more follow
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.length()").value(2))
                .andExpect(jsonPath("$.pagination.has_more").value(true))
                .andExpect(jsonPath("$.pagination.next_cursor").isString());
    }

    @Test
    void aLimitOutOfRangeIsABadRequestNamingIt() throws Exception {
        mvc.perform(as(get("/api/v1/users?limit=101")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.details.field").value("limit"));
        verifyNoInteractions(people);
    }

    @Test
    void anUnknownStatusIsABadRequestNamingIt() throws Exception {
        mvc.perform(as(get("/api/v1/users?status=gone")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.details.field").value("status"));
        verify(access).of(ADMIN);
        verifyNoInteractions(people);
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.requestAttr(Caller.REQUEST_ATTRIBUTE, ADMIN).contentType(MediaType.APPLICATION_JSON);
    }

    private static DirectoryEntry ada(String workingDays, String country) {
        Employee employee = new Employee(7, ADA, null, "Ada", "Lovelace", "ada@example.com", EmployeeRole.NEW_HIRE,
                null, "Analyst", "en", null, LocalDate.of(2027, 1, 4), "UTC", null, null, Instant.EPOCH, Instant.EPOCH,
                null);
        java.util.Map<String, String> profile = new java.util.HashMap<>();
        profile.put("working_days", workingDays);
        profile.put("public_holiday_country_code", country);
        return new DirectoryEntry(employee, new EmployeeProfile(profile), null);
    }
}
