package dev.onboardingengine.api.dialect.workelo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.paperwork.CollectionValue;
import dev.onboardingengine.api.paperwork.CollectionValuePolicy;
import dev.onboardingengine.api.paperwork.CollectionValues;
import dev.onboardingengine.api.paperwork.PaperworkResource;
import dev.onboardingengine.api.paperwork.PaperworkResources;
import dev.onboardingengine.api.paperwork.ResourceType;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.api.problem.ResourceNotFound;

/**
 * Workelo's dropdown option lists (guide section 6). Lists are shared by every organisation unit, so
 * changing one takes an organisation-wide role (an administrator or HR without scopes).
 */
@RestController
class WorkeloCollectionValueController {

    private final CollectionValues values;
    private final PaperworkResources resources;
    private final DirectoryAccess access;

    WorkeloCollectionValueController(CollectionValues values, PaperworkResources resources, DirectoryAccess access) {
        this.values = values;
        this.resources = resources;
        this.access = access;
    }

    /** ?resource_type=PaperworkResource&resource_id=..., limit/offset; ?parent_id= narrows a dependent list. */
    @GetMapping("/collection_values")
    ResponseEntity<List<CollectionValueResponse>> list(Caller caller,
            @RequestParam(name = "resource_type", required = false) String resourceType,
            @RequestParam(name = "resource_id", required = false) String resourceId,
            @RequestParam(name = "parent_id", required = false) Long parentId,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String offset) {
        CollectionValuePolicy.requireRead(access.of(caller));
        PaperworkResource resource = selectionList(resourceType, resourceId);
        Paging paging = Paging.of(limit, offset);
        List<CollectionValueResponse> page = values.list(resource.id(), parentId, paging.limit(), paging.offset())
                .stream()
                .map(CollectionValueResponse::of).toList();
        return ResponseEntity.ok().headers(paging.headers(values.count(resource.id(), parentId))).body(page);
    }

    @PostMapping(path = "/collection_values", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CollectionValueResponse create(Caller caller,
            @RequestParam(name = "resource_type", required = false) String resourceType,
            @RequestParam(name = "resource_id", required = false) String resourceId, @RequestBody OptionBody body) {
        CollectionValuePolicy.requireChange(access.of(caller));
        PaperworkResource resource = selectionList(resourceType, resourceId);
        return CollectionValueResponse.of(values.create(resource.id(), body.value(), body.externalId(), body.position(),
                body.parentId(), caller.employeeId(), Instant.now()));
    }

    /** Relabels, reorders or moves an option. Forms where it was chosen keep the old label. */
    @PutMapping(path = "/collection_values/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CollectionValueResponse update(Caller caller, @PathVariable long id, @RequestBody OptionBody body) {
        CollectionValuePolicy.requireChange(access.of(caller));
        CollectionValue current = values.find(id).orElseThrow(() -> new CollectionValueNotFound(id));
        return CollectionValueResponse.of(values.update(current, body.value(), body.externalId(), body.position(),
                body.parentId(), caller.employeeId(), Instant.now()));
    }

    /** The selection list named by resource_type and resource_id. */
    private PaperworkResource selectionList(String resourceType, String resourceId) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (resourceType == null || resourceType.isBlank()) {
            violations.add(new InvalidInput.Violation("resource_type", "required", null));
        } else if (!CollectionValues.PAPERWORK_RESOURCE.equals(resourceType)) {
            violations.add(new InvalidInput.Violation("resource_type", "invalid_choice", resourceType));
        }
        Long id = null;
        if (resourceId == null || resourceId.isBlank()) {
            violations.add(new InvalidInput.Violation("resource_id", "required", null));
        } else {
            try {
                id = Long.valueOf(resourceId.strip());
            } catch (NumberFormatException notANumber) {
                violations.add(new InvalidInput.Violation("resource_id", "not_a_number", resourceId));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        Long wanted = id;
        PaperworkResource resource = resources.find(wanted)
                .orElseThrow(() -> InvalidInput.of("resource_id", "unknown_reference", wanted));
        if (resource.type() != ResourceType.SELECTION) {
            throw InvalidInput.of("resource_id", "not_a_selection", wanted);
        }
        return resource;
    }

    static class CollectionValueNotFound extends ResourceNotFound {

        CollectionValueNotFound(long id) {
            super("No collection value " + id);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OptionBody(String value, @JsonProperty("external_id") String externalId, Integer position,
            @JsonProperty("parent_id") Long parentId) {
    }

    record CollectionValueResponse(long id, String value, @JsonProperty("external_id") String externalId, int position,
            @JsonProperty("parent_id") Long parentId, @JsonProperty("resource_type") String resourceType,
            @JsonProperty("resource_id") long resourceId, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {

        static CollectionValueResponse of(CollectionValue value) {
            return new CollectionValueResponse(value.id(), value.label(), value.externalId(), value.position(),
                    value.parentId(), value.resourceType(), value.resourceId(), value.createdAt(), value.updatedAt());
        }
    }
}
