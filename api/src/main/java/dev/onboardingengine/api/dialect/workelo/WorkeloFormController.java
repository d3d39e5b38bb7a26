package dev.onboardingengine.api.dialect.workelo;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.files.StoredFile;
import dev.onboardingengine.api.files.StoredFiles;
import dev.onboardingengine.api.paperwork.FormNotFound;
import dev.onboardingengine.api.paperwork.FormStatus;
import dev.onboardingengine.api.paperwork.JourneyForm;
import dev.onboardingengine.api.paperwork.JourneyForms;
import dev.onboardingengine.api.paperwork.Paperwork;
import dev.onboardingengine.api.paperwork.PaperworkNotFound;
import dev.onboardingengine.api.paperwork.PaperworkResource;
import dev.onboardingengine.api.paperwork.PaperworkResources;
import dev.onboardingengine.api.paperwork.ResourceType;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.api.problem.ResourceNotFound;
import dev.onboardingengine.api.tracks.Tracks;

/**
 * Workelo's administrative forms (guide section 5): a track's forms, their paperworks and files, and
 * the catalogue of paperwork resources. Besides the guide: submit, validate and reopen a form, the
 * steps between its statuses.
 */
@RestController
class WorkeloFormController {

    private final JourneyForms forms;
    private final PaperworkResources resources;
    private final StoredFiles files;
    private final Tracks tracks;
    private final DirectoryAccess access;

    WorkeloFormController(JourneyForms forms, PaperworkResources resources, StoredFiles files, Tracks tracks,
            DirectoryAccess access) {
        this.forms = forms;
        this.resources = resources;
        this.files = files;
        this.tracks = tracks;
        this.access = access;
    }

    /** ?status=opened (awaiting completion), missing_validation (awaiting HR) or done. */
    @GetMapping("/tracks/{trackId}/forms")
    List<FormResponse> trackForms(Caller caller, @PathVariable long trackId,
            @RequestParam(required = false) String status) {
        tracks.visible(trackId, access.of(caller));
        FormStatus wanted = Choices.of("status", status, FormStatus::fromWireName);
        return forms.ofJourney(trackId, wanted).stream()
                .map(form -> FormResponse.of(form, forms.paperworksOf(form.id()), false))
                .toList();
    }

    /** One form with all its paperworks and their values. */
    @GetMapping("/forms/{id}")
    FormResponse form(Caller caller, @PathVariable long id) {
        JourneyForm form = visibleForm(id, access.of(caller));
        return FormResponse.of(form, forms.paperworksOf(id), true);
    }

    @PutMapping("/forms/{id}/submit")
    FormResponse submit(Caller caller, @PathVariable long id) {
        return changed(caller, id, () -> forms.submit(id, caller.employeeId(), Instant.now()));
    }

    /** HR accepts a submitted form: done, and its action completes. */
    @PutMapping("/forms/{id}/validate")
    FormResponse validate(Caller caller, @PathVariable long id) {
        return changed(caller, id, () -> forms.validate(id, caller.employeeId(), Instant.now()));
    }

    /** HR sends a submitted form back to its owner. */
    @PutMapping("/forms/{id}/reopen")
    FormResponse reopen(Caller caller, @PathVariable long id) {
        return changed(caller, id, () -> forms.reopen(id, caller.employeeId(), Instant.now()));
    }

    @PutMapping(path = "/paperworks/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    PaperworkResponse updatePaperwork(Caller caller, @PathVariable long id, @RequestBody Map<String, Object> body) {
        Access rights = access.of(caller);
        Paperwork paperwork = visiblePaperwork(id, rights).orElseThrow(() -> new PaperworkNotFound(id));
        rights.requireWrite();
        if (!body.containsKey("value")) {
            throw InvalidInput.of("value", "required", null);
        }
        return PaperworkResponse.of(forms.setValue(paperwork, body.get("value"), caller.employeeId(), Instant.now()));
    }

    @PostMapping(path = "/paperwork_files", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    PaperworkFileResponse uploadFile(Caller caller, @RequestBody PaperworkFileUpload body) {
        Access rights = access.of(caller);
        rights.requireWrite();
        // Both fields checked before either answers, so one 400 names every wrong one
        List<InvalidInput.Violation> violations = new java.util.ArrayList<>();
        byte[] content = null;
        try {
            content = StoredFiles.decodeBase64(body.file(), "file");
        } catch (InvalidInput badFile) {
            violations.addAll(badFile.violations());
        }
        Paperwork paperwork = body.paperworkId() == null
                ? null
                : visiblePaperwork(body.paperworkId(), rights).orElse(null);
        if (paperwork == null) {
            violations.add(new InvalidInput.Violation("paperwork_id",
                    body.paperworkId() == null ? "required" : "unknown_reference", body.paperworkId()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        StoredFile file = forms.attachFile(paperwork, body.fileName() == null ? paperwork.key() : body.fileName(),
                content,
                "file", caller.employeeId(), Instant.now());
        return PaperworkFileResponse.of(file, paperwork.id(), null);
    }

    /** A file uploaded into a form, with its content as base64. */
    @GetMapping("/paperwork_files/{id}")
    PaperworkFileResponse file(Caller caller, @PathVariable long id) {
        Paperwork paperwork = forms.paperworkOfFile(id).orElseThrow(() -> new PaperworkFileNotFound(id));
        visibleForm(paperwork.formId(), access.of(caller));
        StoredFile file = files.find(id).orElseThrow(() -> new PaperworkFileNotFound(id));
        return PaperworkFileResponse.of(file, paperwork.id(), Base64.getEncoder().encodeToString(files.content(id)));
    }

    /** ?type=text, date, selection (dropdown lists) or file. */
    @GetMapping("/paperwork_resources")
    ResponseEntity<List<ResourceResponse>> paperworkResources(Caller caller,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String offset) {
        access.of(caller).requireRead();
        ResourceType wanted = Choices.of("type", type, ResourceType::fromWireName);
        Paging paging = Paging.of(limit, offset);
        List<ResourceResponse> page = resources.list(wanted, paging.limit(), paging.offset()).stream()
                .map(ResourceResponse::of).toList();
        return ResponseEntity.ok().headers(paging.headers(resources.count(wanted))).body(page);
    }

    private FormResponse changed(Caller caller, long id, java.util.function.Supplier<JourneyForm> change) {
        Access rights = access.of(caller);
        visibleForm(id, rights);
        rights.requireWrite();
        JourneyForm form = change.get();
        return FormResponse.of(form, forms.paperworksOf(id), true);
    }

    /** The form, if its track is one the caller may see; otherwise not found, as for a missing one. */
    private JourneyForm visibleForm(long id, Access rights) {
        return forms.find(id).filter(form -> tracks.isVisible(form.journeyId(), rights))
                .orElseThrow(() -> new FormNotFound(id));
    }

    /** The paperwork, if the caller may see its form; otherwise empty, as for a missing one. */
    private Optional<Paperwork> visiblePaperwork(long id, Access rights) {
        return forms.findPaperwork(id).filter(paperwork -> forms.find(paperwork.formId())
                .filter(form -> tracks.isVisible(form.journeyId(), rights)).isPresent());
    }

    static class PaperworkFileNotFound extends ResourceNotFound {

        PaperworkFileNotFound(long id) {
            super("No paperwork file " + id);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaperworkFileUpload(@JsonProperty("paperwork_id") Long paperworkId, String file,
            @JsonProperty("file_name") String fileName) {
    }

    record FormResponse(long id, @JsonProperty("track_id") long trackId, @JsonProperty("employee_id") long employeeId,
            @JsonProperty("action_id") String actionId, String name, @JsonProperty("form_key") String formKey,
            String status, @JsonProperty("owner_id") Long ownerId,
            @JsonProperty("needs_validation") boolean needsValidation,
            @JsonProperty("validator_id") Long validatorId, @JsonProperty("due_date") Instant dueDate,
            @JsonProperty("submitted_at") Instant submittedAt, @JsonProperty("submitted_by") Long submittedBy,
            @JsonProperty("validated_at") Instant validatedAt, @JsonProperty("validated_by") Long validatedBy,
            @JsonProperty("paperworks_count") int paperworksCount, @JsonProperty("filled_count") int filledCount,
            @JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<PaperworkResponse> paperworks) {

        static FormResponse of(JourneyForm form, List<Paperwork> paperworks, boolean withPaperworks) {
            return new FormResponse(form.id(), form.journeyId(), form.employeeId(), form.actionId(), form.name(),
                    form.formKey(), form.status().wireName(), form.ownerId(), form.needsValidation(),
                    form.validatorId(),
                    form.due(), form.submittedAt(), form.submittedBy(), form.validatedAt(), form.validatedBy(),
                    paperworks.size(), (int) paperworks.stream().filter(Paperwork::filled).count(), form.createdAt(),
                    form.updatedAt(), withPaperworks ? paperworks.stream().map(PaperworkResponse::of).toList() : null);
        }
    }

    record PaperworkResponse(long id, @JsonProperty("form_id") long formId,
            @JsonProperty("paperwork_resource_id") long paperworkResourceId, String key, String label, String type,
            boolean required, String value, @JsonProperty("collection_value_id") Long collectionValueId,
            @JsonProperty("paperwork_file_id") Long paperworkFileId, @JsonProperty("updated_at") Instant updatedAt,
            @JsonProperty("updated_by") Long updatedBy) {

        static PaperworkResponse of(Paperwork paperwork) {
            return new PaperworkResponse(paperwork.id(), paperwork.formId(), paperwork.resourceId(), paperwork.key(),
                    paperwork.label(), paperwork.type().wireName(), paperwork.required(), paperwork.value(),
                    paperwork.collectionValueId(), paperwork.fileId(), paperwork.updatedAt(), paperwork.updatedBy());
        }
    }

    record PaperworkFileResponse(long id, @JsonProperty("paperwork_id") long paperworkId,
            @JsonProperty("file_name") String fileName, @JsonProperty("content_type") String contentType, long size,
            String sha256, @JsonProperty("created_at") Instant createdAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String file) {

        static PaperworkFileResponse of(StoredFile file, long paperworkId, String base64) {
            return new PaperworkFileResponse(file.id(), paperworkId, file.fileName(), file.contentType(), file.size(),
                    file.sha256(), file.createdAt(), base64);
        }
    }

    record ResourceResponse(long id, String key, String label, String type) {

        static ResourceResponse of(PaperworkResource resource) {
            return new ResourceResponse(resource.id(), resource.key(), resource.label(), resource.type().wireName());
        }
    }
}
