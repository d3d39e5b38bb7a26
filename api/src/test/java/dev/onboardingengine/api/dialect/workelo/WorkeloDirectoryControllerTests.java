package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import dev.onboardingengine.api.directory.DirectoryEntry;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeProfile;
import dev.onboardingengine.api.directory.EmployeeReach;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.directory.Identifications;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.hire.ReferenceReach;
import dev.onboardingengine.api.organisation.Organisations;
import dev.onboardingengine.api.people.Enrolment;
import dev.onboardingengine.api.people.PersonArchived;
import dev.onboardingengine.api.people.PersonChange;
import dev.onboardingengine.api.people.PersonChanges;
import dev.onboardingengine.api.people.PersonEnrolment;
import dev.onboardingengine.api.people.PersonRef;
import dev.onboardingengine.workflow.journey.ConflictRetry;

/**
 * Workelo's employees alone: the controller, translation and RFC 7807 errors in Workelo's field names,
 * over the people services, which are mocked at the seam. No engine, no database.
 */
@EnableConfigurationProperties(RateLimitProperties.class)
// The slice sets the caller as ApiTokenFilter would; Spring Security's default chain is left out of MockMvc.
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(WorkeloDirectoryController.class)
@Import({WorkeloTranslation.class, ConflictRetry.class})
class WorkeloDirectoryControllerTests {

    static final Caller ADMIN = new Caller(1, "admin@example.com", EmployeeRole.ADMIN);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PersonEnrolment enrolment;
    @MockitoBean
    PersonChanges changes;
    @MockitoBean
    ReferenceReach references;
    @MockitoBean
    Employees employees;
    @MockitoBean
    Identifications identifications;
    @MockitoBean
    DirectoryAccess access;
    @MockitoBean
    Organisations organisations;

    final Access rights = new Access(ADMIN, true, true, false, EmployeeReach.EVERYONE);

    @BeforeEach
    void callerIsAnAdministrator() {
        given(access.of(ADMIN)).willReturn(rights);
        given(references.hidden(eq(EmployeeReach.EVERYONE), any(ReferenceReach.Named[].class))).willReturn(List.of());
    }

    @Test
    void createsAColleagueFromWorkelosFieldsAndAnswersWithWorkelosEmployee() throws Exception {
        // Given the directory adds whoever it is asked to
        ArgumentCaptor<Enrolment> asked = ArgumentCaptor.forClass(Enrolment.class);
        given(enrolment.enrol(asked.capture(), eq(rights))).willReturn(ada(EmployeeRole.COLLEAGUE));

        // When Workelo's documented create arrives without a user role
        mvc.perform(as(post("/employees")).content("""
                {"first_name":"Ada","last_name":"Lovelace","email":"ada@example.com","job_position":"Analyst",
                 "unit_organization_id":4,"start_date":"2027-01-04"}
                """))
                // Then the answer is Workelo's employee, with its role id and code
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(7))
                .andExpect(jsonPath("$.job_position").value("Analyst"))
                .andExpect(jsonPath("$.user_role_id").value(1))
                .andExpect(jsonPath("$.user_role").value("colleague"))
                .andExpect(jsonPath("$.unit_organization_id").value(4));
        // And the domain was asked for a colleague in its own terms
        Enrolment sent = asked.getValue();
        assertThat(sent.hire().role()).isEqualTo(EmployeeRole.COLLEAGUE);
        assertThat(sent.hire().position()).isEqualTo("Analyst");
        assertThat(sent.hire().unitOrganizationId()).isEqualTo(4L);
        assertThat(sent.violations()).isEmpty();
    }

    @Test
    void namesTheDomainsFieldsAsWorkeloDoesWhenAHireIsRefused() throws Exception {
        // Given the domain reports the translation's findings beside the hire's own
        given(enrolment.enrol(any(), eq(rights))).willAnswer(call -> {
            List<InvalidHire.Violation> violations = new java.util.ArrayList<>(
                    List.of(new InvalidHire.Violation("position", "too_long", 255)));
            violations.addAll(call.<Enrolment>getArgument(0).violations());
            throw new InvalidHire(violations);
        });

        // When a create names user role 99, which Workelo does not have
        mvc.perform(as(post("/employees")).content("{\"email\":\"ada@example.com\",\"user_role_id\":99}"))
                // Then the problem names Workelo's fields with Workelo's messages
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.job_position[0]").value("must have at most 255 characters."))
                .andExpect(jsonPath("$.user_role_id[0]").value("no such id: 99."));
    }

    @Test
    void aChangeGoesToTheDomainByIdAndAnswersWithTheChangedEmployee() throws Exception {
        ArgumentCaptor<PersonChange> asked = ArgumentCaptor.forClass(PersonChange.class);
        given(changes.change(asked.capture(), eq(rights))).willReturn(ada(EmployeeRole.MANAGER));

        mvc.perform(as(put("/employees/7")).content("{\"user_role_id\":2,\"job_position\":\"Lead\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user_role").value("manager"));
        assertThat(asked.getValue().person()).isEqualTo(PersonRef.byId(7, 7L));
        assertThat(asked.getValue().change().role()).isEqualTo(EmployeeRole.MANAGER);
        assertThat(asked.getValue().change().position()).isEqualTo("Lead");
    }

    @Test
    void changingAnArchivedEmployeeIsChangingNoOne() throws Exception {
        // Given the person was removed: Workelo shows no archived people
        given(changes.change(any(), eq(rights))).willThrow(new PersonArchived(PersonRef.byId(7, 7L)));

        mvc.perform(as(put("/employees/7")).content("{\"first_name\":\"Ada\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No employee with id 7"));
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.requestAttr(Caller.REQUEST_ATTRIBUTE, ADMIN).contentType(MediaType.APPLICATION_JSON);
    }

    private static DirectoryEntry ada(EmployeeRole role) {
        Employee employee = new Employee(7, UUID.randomUUID(), null, "Ada", "Lovelace", "ada@example.com", role, null,
                "Analyst", "en", null, LocalDate.of(2027, 1, 4), "UTC", null, null, Instant.EPOCH, Instant.EPOCH, 4L);
        return new DirectoryEntry(employee, EmployeeProfile.EMPTY, null);
    }
}
