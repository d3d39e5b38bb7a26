package dev.onboardingengine.api.dialect.offly;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.dialect.offly.OfflyBodies.Pagination;
import dev.onboardingengine.api.dialect.offly.OfflyBodies.UserPage;
import dev.onboardingengine.api.dialect.offly.OfflyBodies.UserRequest;
import dev.onboardingengine.api.dialect.offly.OfflyBodies.UserResponse;
import dev.onboardingengine.api.directory.DirectoryEntries.Standing;
import dev.onboardingengine.api.directory.DirectoryEntry;
import dev.onboardingengine.api.people.People;
import dev.onboardingengine.api.people.PersonChanges;
import dev.onboardingengine.api.people.PersonEnrolment;
import dev.onboardingengine.api.people.PersonRef;
import dev.onboardingengine.api.people.PersonRemoval;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.workflow.journey.ConflictRetry;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Offly's users API ({@code Authorization: Bearer <key>}): translate in ({@link OfflyTranslation}), call
 * the directory's people services, render out. A create is a hire (an Offly {@code employee} gets a
 * journey), a change goes through the editor, a delete archives. Rights are the directory's
 * ({@link DirectoryAccess}), decided by those services: Offly's admin and owner are the engine's HR and
 * administrator, the only roles that write; managers with scopes read their scopes.
 */
@RestController
@Tag(name = "Offly users", description = "docs.offly.net: users reference; every list in the {data, pagination} "
        + "envelope, every error in {error: {code, message, details}}")
@ApiResponse(responseCode = "400", description = "bad_request: malformed body, bad id, limit, cursor or status", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OfflyError.class)))
@ApiResponse(responseCode = "401", description = "unauthorized", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OfflyError.class)))
@ApiResponse(responseCode = "403", description = "forbidden", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OfflyError.class)))
@ApiResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OfflyError.class)))
@ApiResponse(responseCode = "409", description = "conflict: email taken, user archived", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OfflyError.class)))
@ApiResponse(responseCode = "422", description = "validation_error: details.field names the first bad field", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OfflyError.class)))
@ApiResponse(responseCode = "429", description = "rate_limited, with Retry-After", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OfflyError.class)))
class OfflyUsersController {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    private final People people;
    private final PersonEnrolment enrolment;
    private final PersonChanges changes;
    private final PersonRemoval removal;
    private final OfflyTranslation translation;
    private final DirectoryAccess access;
    private final OfflyPatch.Reader patches;

    /** Changes that lose a race with the journey's own steps run again (whole transactions). */
    private final ConflictRetry retry;

    OfflyUsersController(People people, PersonEnrolment enrolment, PersonChanges changes, PersonRemoval removal,
            OfflyTranslation translation, DirectoryAccess access, OfflyPatch.Reader patches, ConflictRetry retry) {
        this.people = people;
        this.enrolment = enrolment;
        this.changes = changes;
        this.removal = removal;
        this.translation = translation;
        this.access = access;
        this.patches = patches;
        this.retry = retry;
    }

    /**
     * Active, pending and archived users, or those of one {@code status}, in Offly's list envelope with
     * cursor pagination (docs.offly.net, "Pagination"): {@code limit} 1 to 100, 25 by default;
     * {@code cursor} the {@code next_cursor} of the previous page.
     */
    @ApiResponse(responseCode = "200", description = "OK")
    @GetMapping("/api/v1/users")
    UserPage list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        Access rights = access.of(caller);
        Standing standing = standing(status);
        int size = limit(limit);
        OfflyCursor after = cursor == null
                ? null
                : OfflyCursor.decode(cursor, standing)
                        .orElseThrow(() -> InvalidInput.of("cursor", "invalid_cursor", cursor));
        // One row more than asked tells whether more follow.
        List<DirectoryEntry> rows = people.page(standing, rights, after == null ? null : after.afterId(), size + 1);
        List<DirectoryEntry> page = rows.subList(0, Math.min(size, rows.size()));
        boolean more = rows.size() > size;
        String next = more ? new OfflyCursor(page.get(page.size() - 1).employee().id(), standing).encode() : null;
        return new UserPage(page.stream().map(translation::response).toList(), new Pagination(next, more));
    }

    @PostMapping(path = "/api/v1/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse create(Caller caller, @RequestBody UserRequest request) {
        Access rights = access.of(caller);
        return translation.response(enrolment.enrol(translation.enrolment(request, rights), rights));
    }

    @ApiResponse(responseCode = "200", description = "OK")
    @GetMapping("/api/v1/users/{id}")
    UserResponse get(Caller caller, @PathVariable UUID id) {
        return translation.response(people.visible(PersonRef.byUuid(id), access.of(caller)));
    }

    @ApiResponse(responseCode = "200", description = "OK")
    @PatchMapping(path = "/api/v1/users/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    UserResponse update(Caller caller, @PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = OfflyBodies.UserPatch.class))) @RequestBody ObjectNode body,
            HttpServletRequest request) {
        OfflyPatch patch = patches.read(body, request);
        return retry.run(() -> {
            Access rights = access.of(caller);
            return translation.response(changes.change(translation.change(id, patch, rights), rights));
        });
    }

    @DeleteMapping("/api/v1/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable UUID id) {
        retry.run(() -> removal.delete(PersonRef.byUuid(id), access.of(caller)));
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        int size;
        try {
            size = Integer.parseInt(limit.trim());
        } catch (NumberFormatException notANumber) {
            throw InvalidInput.of("limit", "not_a_number", limit);
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw InvalidInput.of("limit", "limit_range", limit);
        }
        return size;
    }

    private static Standing standing(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Standing.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw InvalidInput.of("status", "invalid_choice", status);
        }
    }
}
