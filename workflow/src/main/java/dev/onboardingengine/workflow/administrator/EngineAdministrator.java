package dev.onboardingengine.workflow.administrator;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

import java.security.SecureRandom;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The Camunda user of Cockpit, Tasklist, Admin and {@code /engine-rest}. There is no default
 * password: the first start creates the user with the configured password or a generated one, and
 * Camunda's identity service keeps only its salted hash. Every step is its own transaction and may
 * find its row already there (two nodes starting at once on an empty database), so creation is
 * insert-if-absent on Camunda's unique keys. {@link #unlock} and {@link #resetPassword} are the way
 * back in after Camunda's lockout ({@code loginMaxAttempts}) or a lost password.
 */
@NamedInterface("administrator")
@Service
public class EngineAdministrator {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final Logger log = LoggerFactory.getLogger(EngineAdministrator.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    EngineAdministrator(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    /** 24 characters from an unambiguous alphabet of 56 (about 139 bits). */
    public static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /**
     * Creates the administrator {@code userId} with {@code password}, a member of camunda-admin with
     * every permission, unless that user exists.
     *
     * @return true if this call created the user (only then is {@code password} theirs)
     */
    public boolean createIfAbsent(String userId, String password) {
        boolean created = insertIfAbsent(() -> exists(userId), () -> {
            User user = identity.newUser(userId);
            user.setFirstName("Onboarding");
            user.setLastName("Admin");
            user.setPassword(password);
            identity.saveUser(user);
        });
        insertIfAbsent(() -> identity.createGroupQuery().groupId(CAMUNDA_ADMIN).count() > 0, () -> {
            Group group = identity.newGroup(CAMUNDA_ADMIN);
            group.setName("camunda BPM Administrators");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        });
        for (Resources resource : Resources.values()) {
            insertIfAbsent(() -> authorizations.createAuthorizationQuery().groupIdIn(CAMUNDA_ADMIN)
                    .resourceType(resource).resourceId(ANY).count() > 0, () -> {
                        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                        grant.setGroupId(CAMUNDA_ADMIN);
                        grant.setResource(resource);
                        grant.setResourceId(ANY);
                        grant.addPermission(Permissions.ALL);
                        authorizations.saveAuthorization(grant);
                    });
        }
        insertIfAbsent(() -> identity.createUserQuery().userId(userId).memberOfGroup(CAMUNDA_ADMIN).count() > 0,
                () -> identity.createMembership(userId, CAMUNDA_ADMIN));
        if (created) {
            log.info("Camunda administrator '{}' created", userId);
        }
        return created;
    }

    /** Lifts Camunda's lockout of the user and resets their failed attempts; false if there is no such user. */
    public boolean unlock(String userId) {
        if (!exists(userId)) {
            return false;
        }
        identity.unlockUser(userId);
        log.info("Camunda user '{}' unlocked", userId);
        return true;
    }

    /** Sets a new password (stored hashed) and unlocks the user; false if there is no such user. */
    public boolean resetPassword(String userId, String password) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return false;
        }
        user.setPassword(password);
        identity.saveUser(user);
        identity.unlockUser(userId);
        log.info("Camunda user '{}' has a new password", userId);
        return true;
    }

    public boolean exists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    /** @return true if {@code insert} ran and committed here; false if the row was there, or another node won */
    private static boolean insertIfAbsent(BooleanSupplier present, Runnable insert) {
        if (present.getAsBoolean()) {
            return false;
        }
        try {
            insert.run();
            return true;
        } catch (RuntimeException raced) {
            if (present.getAsBoolean()) {
                return false;
            }
            throw raced;
        }
    }
}
