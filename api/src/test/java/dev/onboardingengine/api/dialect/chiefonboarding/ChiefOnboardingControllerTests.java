package dev.onboardingengine.api.dialect.chiefonboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.hire.ReferenceReach;
import dev.onboardingengine.api.organisation.Organisations;
import dev.onboardingengine.api.people.Enrolment;
import dev.onboardingengine.api.people.PersonEnrolment;
import dev.onboardingengine.api.problem.AccessDenied;
import dev.onboardingengine.workflow.sequence.SequenceCatalog;

/**
 * ChiefOnboarding's dialect alone: its controller, translation and Django REST framework error shape
 * over the people services, which are mocked at the seam. No engine, no database.
 */
@EnableConfigurationProperties(RateLimitProperties.class)
// The slice sets the caller as ApiTokenFilter would; Spring Security's default chain is left out of MockMvc.
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(ChiefOnboardingController.class)
@Import(ChiefOnboardingTranslation.class)
class ChiefOnboardingControllerTests {

    static final Caller ADMIN = new Caller(1, "admin@example.com", EmployeeRole.ADMIN);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PersonEnrolment enrolment;
    @MockitoBean
    ReferenceReach references;
    @MockitoBean
    Employees employees;
    @MockitoBean
    SequenceCatalog sequences;
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
    void createsAUserFromChiefOnboardingsFieldsAndAnswersWithItsUserObject() throws Exception {
        // Given the directory adds whoever it is asked to
        ArgumentCaptor<Enrolment> asked = ArgumentCaptor.forClass(Enrolment.class);
        given(enrolment.enrol(asked.capture(), eq(rights))).willReturn(ada());

        // When ChiefOnboarding's documented create arrives
        mvc.perform(as(post("/api/users/")).content("""
                {"first_name":"Ada","last_name":"Lovelace","email":"ada@example.com","role":0,"buddy":5,
                 "start_day":"2027-1-4","sequences":[3]}
                """))
                // Then the answer is ChiefOnboarding's user, with its empty strings and role number
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(7))
                .andExpect(jsonPath("$.first_name").value("Ada"))
                .andExpect(jsonPath("$.phone").value(""))
                .andExpect(jsonPath("$.start_day").value("2027-01-04"))
                .andExpect(jsonPath("$.sequences[0]").value(3))
                .andExpect(jsonPath("$.role").value(0));
        // And the domain was asked for a new hire in its own terms
        Enrolment sent = asked.getValue();
        assertThat(sent.hire().role()).isEqualTo(EmployeeRole.NEW_HIRE);
        assertThat(sent.hire().buddyId()).isEqualTo(5L);
        assertThat(sent.hire().startDay()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(sent.hire().sequenceIds()).containsExactly(3L);
        assertThat(sent.violations()).isEmpty();
    }

    @Test
    void namesTheDomainsFieldsAsDjangoRestFrameworkDoesWhenAHireIsRefused() throws Exception {
        // Given the directory refuses the hire for its email and its buddy
        given(enrolment.enrol(any(), eq(rights))).willThrow(new InvalidHire(List.of(
                new InvalidHire.Violation("email", "duplicate", "ada@example.com"),
                new InvalidHire.Violation("buddyId", "unknown_reference", 5L))));

        // When a create arrives
        mvc.perform(as(post("/api/users/")).content("{\"email\":\"ada@example.com\",\"buddy\":5}"))
                // Then the serializer's errors name ChiefOnboarding's fields with its messages
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.email[0]").value("user with this email already exists."))
                .andExpect(jsonPath("$.buddy[0]").value("Invalid pk \"5\" - object does not exist."));
    }

    @Test
    void anUnknownRoleNumberIsRefusedAsAnInvalidChoice() throws Exception {
        // Given the domain reports what the translation found, as it does
        given(enrolment.enrol(any(), eq(rights))).willAnswer(call -> {
            throw new InvalidHire(call.<Enrolment>getArgument(0).violations());
        });

        mvc.perform(as(post("/api/users/")).content("{\"email\":\"ada@example.com\",\"role\":7}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.role[0]").value("\"7\" is not a valid choice."));
    }

    @Test
    void aCallerWithoutTheRightIsAnsweredWithDjangoRestFrameworksDetail() throws Exception {
        given(enrolment.enrol(any(), eq(rights))).willThrow(new AccessDenied(Access.NO_PERMISSION));

        mvc.perform(as(post("/api/users/")).content("{\"email\":\"ada@example.com\",\"role\":1}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("You do not have permission to perform this action."));
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.requestAttr(Caller.REQUEST_ATTRIBUTE, ADMIN).contentType(MediaType.APPLICATION_JSON);
    }

    private static DirectoryEntry ada() {
        Employee employee = new Employee(7, UUID.randomUUID(), null, "Ada", "Lovelace", "ada@example.com",
                EmployeeRole.NEW_HIRE, null, null, "en", null, LocalDate.of(2027, 1, 4), "UTC", 5L, null,
                Instant.EPOCH, Instant.EPOCH, null);
        return new DirectoryEntry(employee, EmployeeProfile.EMPTY, null);
    }
}
