package dev.onboardingengine.api.dialect.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.journeys.JourneyProgress;
import dev.onboardingengine.api.journeys.JourneyReports;
import dev.onboardingengine.api.people.CannotRemoveSelf;
import dev.onboardingengine.api.people.Enrolment;
import dev.onboardingengine.api.people.People;
import dev.onboardingengine.api.people.PersonEnrolment;
import dev.onboardingengine.api.people.PersonNotFound;
import dev.onboardingengine.api.people.PersonRef;
import dev.onboardingengine.api.people.PersonRemoval;
import dev.onboardingengine.workflow.journey.ConflictRetry;

/**
 * Bridge's dialect alone: controller, translation and error mapping over the people services and the
 * journey report, mocked at the seam. No engine, no database.
 */
@EnableConfigurationProperties(RateLimitProperties.class)
// The slice sets the caller as ApiTokenFilter would; Spring Security's default chain (on the classpath
// for Workelo's OAuth token endpoint, excluded by the application) is left out of MockMvc too.
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(BridgeUsersController.class)
@Import({BridgeTranslation.class, ConflictRetry.class})
class BridgeUsersControllerTests {

    static final Caller HR = new Caller(1, "hr@example.com", EmployeeRole.HR);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    People people;
    @MockitoBean
    PersonEnrolment enrolment;
    @MockitoBean
    PersonRemoval removal;
    @MockitoBean
    JourneyReports reports;
    @MockitoBean
    DirectoryAccess access;

    final Access rights = new Access(HR, true, true, false, EmployeeReach.EVERYONE);

    @BeforeEach
    void callerIsHr() {
        given(access.of(HR)).willReturn(rights);
    }

    @Test
    void addsTheFirstUserWithBridgesIdsAsProfileFields() throws Exception {
        // Given the directory adds whoever it is asked to
        ArgumentCaptor<Enrolment> asked = ArgumentCaptor.forClass(Enrolment.class);
        given(enrolment.enrol(asked.capture(), eq(rights))).willReturn(han());

        // When Bridge's add arrives with a full name only, a custom field, and a second (ignored) user
        mvc.perform(as(post("/api/admin/users")).content("""
                {"users":[{"uid":" hsolo ","full_name":"Han Solo","email":"h.solo@example.com","hris_id":"",
                           "custom_fields":[{"name":"badge","value":"42"}]},
                          {"uid":"ignored"}]}
                """))
                // Then the answer is Bridge's users envelope around the person the directory returned
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.users.length()").value(1))
                .andExpect(jsonPath("$.users[0].id").value(9))
                .andExpect(jsonPath("$.users[0].uid").value("hsolo"))
                .andExpect(jsonPath("$.users[0].name").value("Han Solo"))
                .andExpect(jsonPath("$.users[0].meta.can_masquerade").value(false));
        // And the domain got a new hire named from the full name, Bridge's ids as profile fields
        Enrolment sent = asked.getValue();
        assertThat(sent.hire().firstName()).isEqualTo("Han");
        assertThat(sent.hire().lastName()).isEqualTo("Solo");
        assertThat(sent.hire().role()).isEqualTo(EmployeeRole.NEW_HIRE);
        assertThat(sent.profile().fields()).isEqualTo(Map.of("bridge_uid", "hsolo", "full_name", "Han Solo"));
        assertThat(sent.identifications()).containsExactly(new Enrolment.Identified("badge", "42"));
        assertThat(sent.violations()).isEmpty();
    }

    @Test
    void theDocumentationsPlaceholderIsRefusedBeforeTheDomainHearsOfIt() throws Exception {
        mvc.perform(as(post("/api/admin/users")).content("{\"users\":[\"{API::UserRequest}\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.users[0]").value(org.hamcrest.Matchers.containsString("placeholder")));
        verifyNoInteractions(enrolment);
    }

    @Test
    void namesTheDomainsFieldsAsBridgeDoes() throws Exception {
        // Given the directory refuses the uid (raced) and a custom field
        given(enrolment.enrol(any(), eq(rights))).willThrow(new InvalidHire(List.of(
                new InvalidHire.Violation("bridge_uid", "duplicate", "hsolo"),
                new InvalidHire.Violation("identifications", "unknown_field", "badge"),
                new InvalidHire.Violation("startDay", "date_out_of_range", null))));

        mvc.perform(as(post("/api/admin/users")).content("{\"users\":[{\"uid\":\"hsolo\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.uid[0]").value("\"hsolo\": the user already exists."))
                .andExpect(
                        jsonPath("$.custom_fields[0]").value(org.hamcrest.Matchers.startsWith("no custom field badge")))
                .andExpect(jsonPath("$.hire_date").exists());
    }

    @Test
    void deletesByUidLaterWhenAskedToRunAsync() throws Exception {
        mvc.perform(as(delete("/api/admin/users/uid:hsolo?async=true"))).andExpect(status().isNoContent());

        verify(removal).deleteLater(PersonRef.byProfile("bridge_uid", "hsolo", "uid:hsolo"), rights);
    }

    @Test
    void deletingYourselfIsForbiddenInBridgesWords() throws Exception {
        willThrow(new CannotRemoveSelf(CannotRemoveSelf.Removal.HIDE)).given(removal)
                .hide(PersonRef.byId(1, "1"), rights);

        mvc.perform(as(post("/api/admin/users/1/hide")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("A user cannot hide himself/herself."));
    }

    @Test
    void anIdThatIsNeitherNumberNorUidNamesNoOne() throws Exception {
        given(people.visible(PersonRef.nobody("han"), rights)).willThrow(new PersonNotFound(PersonRef.nobody("han")));

        mvc.perform(as(get("/api/admin/users/han/summary")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No user han"));
    }

    @Test
    void summarisesTheJourneyReportInBridgesLearningWords() throws Exception {
        // Given a person in reach whose journeys report some progress
        given(people.visible(PersonRef.byId(9, "9"), rights)).willReturn(han());
        given(reports.progress(9, LocalDate.of(2026, 1, 1), null)).willReturn(new JourneyProgress(1, 2, 3, 4, 5));

        mvc.perform(as(get("/api/admin/users/9/summary?start_date=2026-01-01")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.completed_courses").value(1))
                .andExpect(jsonPath("$.summary.completed_programs").value(2))
                .andExpect(jsonPath("$.summary.completed_live_courses").value(3))
                .andExpect(jsonPath("$.summary.total_on_time").value(4))
                .andExpect(jsonPath("$.summary.total_overdue").value(5));
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedBeforeAnyoneIsLookedUp() throws Exception {
        mvc.perform(as(get("/api/admin/users/9/summary?start_date=2026-02-01&end_date=2026-01-01")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.end_date[0]").value("must not be before start_date."));
        verifyNoInteractions(people, reports);
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.requestAttr(Caller.REQUEST_ATTRIBUTE, HR).contentType(MediaType.APPLICATION_JSON);
    }

    private static DirectoryEntry han() {
        Employee employee = new Employee(9, java.util.UUID.randomUUID(), null, "Han", "Solo", "h.solo@example.com",
                EmployeeRole.NEW_HIRE, null, null, "en", null, LocalDate.of(2026, 1, 5), "UTC", null, null,
                Instant.EPOCH, Instant.EPOCH, null);
        return new DirectoryEntry(employee, new EmployeeProfile(Map.of("bridge_uid", "hsolo", "full_name", "Han Solo")),
                null);
    }
}
