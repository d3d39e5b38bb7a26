package dev.onboardingengine.api.dialect.chiefonboarding;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.directory.DirectoryEntry;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.people.PersonEnrolment;
import dev.onboardingengine.workflow.sequence.SequenceCatalog;

import jakarta.servlet.http.HttpServletRequest;

/**
 * ChiefOnboarding's API, as its documentation describes it. ChiefOnboarding itself takes only
 * administrators' tokens; here HR and managers with scopes may call it too, and see (and, for HR,
 * create) only what {@link DirectoryAccess} allows them: the lists are filtered by their scopes.
 */
@RestController
class ChiefOnboardingController {

    private final PersonEnrolment enrolment;
    private final ChiefOnboardingTranslation translation;
    private final Employees employees;
    private final SequenceCatalog sequences;
    private final DirectoryAccess access;
    private final ObjectMapper objectMapper;

    ChiefOnboardingController(PersonEnrolment enrolment, ChiefOnboardingTranslation translation, Employees employees,
            SequenceCatalog sequences, DirectoryAccess access, ObjectMapper objectMapper) {
        this.enrolment = enrolment;
        this.translation = translation;
        this.access = access;
        this.objectMapper = objectMapper;
        this.employees = employees;
        this.sequences = sequences;
    }

    @GetMapping({"/api/employees/", "/api/employees"})
    List<EmployeeSummary> employees(Caller caller) {
        Access rights = access.of(caller);
        rights.requireRead();
        return employees.all(rights.reach()).stream().map(EmployeeSummary::of).toList();
    }

    @GetMapping({"/api/sequences/", "/api/sequences"})
    List<SequenceSummary> sequences(Caller caller) {
        access.of(caller).requireRead();
        return sequences.all().stream().map(sequence -> new SequenceSummary(sequence.id(), sequence.name())).toList();
    }

    /** An entry of ChiefOnboarding's {@code GET /api/sequences/}. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ChiefOnboardingSequence")
    record SequenceSummary(long id, String name) {
    }

    @PostMapping(path = {"/api/users/", "/api/users"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse createUser(Caller caller,
            @RequestBody CreateUserRequest request) {
        return create(caller, request);
    }

    /** The same, from a form or multipart body, which Django REST framework's default parsers accept as well. */
    @PostMapping(path = {"/api/users/", "/api/users"}, consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse createUserFromForm(Caller caller, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        return create(caller, FormBodies.createUser(form, objectMapper, request));
    }

    private UserResponse create(Caller caller, CreateUserRequest request) {
        // ChiefOnboarding has no units: a scoped caller could only create people outside its own reach.
        Access rights = access.of(caller);
        DirectoryEntry person = enrolment.enrol(translation.enrolment(request, rights), rights);
        return UserResponse.of(person.employee(), request.sequences() == null ? List.of() : request.sequences());
    }
}
