package dev.onboardingengine.api.dialect.offly;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.dialect.offly.OfflyBodies.UserRequest;
import dev.onboardingengine.api.dialect.offly.OfflyBodies.UserResponse;
import dev.onboardingengine.api.dialect.workelo.Paging;
import dev.onboardingengine.api.directory.DirectoryEntries.Standing;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.workflow.journey.ConflictRetry;

/**
 * Offly's users API ({@code Authorization: Bearer <key>}). Rights are the directory's
 * ({@link DirectoryAccess}): Offly's admin and owner are the engine's HR and administrator, the only
 * roles that write; managers with scopes read their scopes.
 */
@RestController
class OfflyUsersController {

    private final OfflyUsers users;
    private final DirectoryAccess access;

    /** Changes that lose a race with the journey's own steps run again (whole transactions). */
    private final ConflictRetry retry;

    OfflyUsersController(OfflyUsers users, DirectoryAccess access, ConflictRetry retry) {
        this.retry = retry;
        this.users = users;
        this.access = access;
    }

    /**
     * Active, pending and archived users, or those of one {@code status}. The body is the plain array
     * Offly documents; {@code limit}/{@code offset} page it, by default with the largest page, so a
     * client that does not page reads everyone in all but large organisations (the total is in
     * {@code X-Total-Count}, the next page in {@code Link}).
     */
    @GetMapping("/api/v1/users")
    ResponseEntity<List<UserResponse>> list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String offset) {
        Access rights = access.of(caller);
        rights.requireRead();
        Standing standing = standing(status);
        Paging paging = Paging.of(limit == null ? Integer.toString(Paging.MAX_LIMIT) : limit, offset);
        return ResponseEntity.ok().headers(paging.headers(users.count(standing, rights)))
                .body(users.list(standing, rights, paging.limit(), paging.offset()));
    }

    @PostMapping(path = "/api/v1/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse create(Caller caller, @RequestBody UserRequest request) {
        return users.create(request, access.of(caller));
    }

    @GetMapping("/api/v1/users/{id}")
    UserResponse get(Caller caller, @PathVariable UUID id) {
        return users.get(id, access.of(caller));
    }

    @PatchMapping(path = "/api/v1/users/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    UserResponse update(Caller caller, @PathVariable UUID id, @RequestBody UserRequest request) {
        return retry.run(() -> users.update(id, request, access.of(caller)));
    }

    @DeleteMapping("/api/v1/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable UUID id) {
        retry.run(() -> users.delete(id, access.of(caller)));
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
