package dev.onboardingengine.api.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeReach;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.workflow.journey.EngineTime;
import dev.onboardingengine.workflow.notification.PublicAddress;

/**
 * Magic links into the new hire's page. A token is 32 random bytes (256 bits) in base64url; only its
 * SHA-256 is stored, so a copy of the database opens nothing. A random 256-bit secret needs no slow
 * password hash, and the row is found by its hash: an attacker's guess hashes to a value unrelated to
 * any stored one, so the lookup's timing tells nothing. A link belongs to one employee, works for
 * {@code onboarding.portal.link-validity} (2 hours) by the engine's clock, and only while
 * {@link JourneyInvolvement} finds them active; whatever fails, {@link #resolve} answers the same empty.
 *
 * <p>A link reaches no further than its issuer: the issuer's reach is stored with it (scoped or not, and
 * the units), and the page shows and completes only actions of journeys whose employee is within it.
 */
@Service
public class MagicLinks {

    /** 32 bytes in unpadded base64url. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int TOKEN_BYTES = 32;

    private final JdbcClient jdbc;
    private final Employees employees;
    private final JourneyInvolvement involvement;
    private final EngineTime time;
    private final AuditLog audit;
    private final PortalProperties properties;
    private final PublicAddress address;
    private final SecureRandom random = new SecureRandom();

    MagicLinks(JdbcClient jdbc, Employees employees, JourneyInvolvement involvement, EngineTime time, AuditLog audit,
            PortalProperties properties, PublicAddress address) {
        this.jdbc = jdbc;
        this.employees = employees;
        this.involvement = involvement;
        this.time = time;
        this.audit = audit;
        this.properties = properties;
        this.address = address;
    }

    /** A link without bounds: for the engine itself and for the holder's own request from the portal. */
    @Transactional
    public IssuedLink issue(Employee employee, Long actorId) {
        return issue(employee, actorId, EmployeeReach.EVERYONE);
    }

    /**
     * Issues a new link for the employee; earlier links stay valid until they expire, expired ones are deleted.
     *
     * @param actorId who asked for it (audited), null for the engine itself
     * @param issuerReach whom the issuer may see: the link shows only journeys of these employees
     * @throws NoActiveJourney when the employee has no active journey and no open action in one
     * @throws HolderOutOfReach when all the employee's involvement lies outside the issuer's reach
     */
    @Transactional
    public IssuedLink issue(Employee employee, Long actorId, EmployeeReach issuerReach) {
        if (!involvement.isActive(employee.id())) {
            throw new NoActiveJourney(employee.id());
        }
        if (!involvement.isActive(employee.id(), issuerReach)) {
            throw new HolderOutOfReach(employee.id());
        }
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = time.now();
        Instant expiresAt = now.plus(properties.linkValidity());
        // Expired rows open nothing and never will again: each issuance clears the employee's.
        jdbc.sql("delete from magic_link where employee_id = :employee and expires_at <= :now")
                .param("employee", employee.id())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        String hash = sha256(token);
        jdbc.sql("""
                insert into magic_link (employee_id, token_hash, created_at, expires_at, created_by, reach_scoped)
                values (:employee, :hash, :now, :expires, :actor, :scoped)
                """)
                .param("employee", employee.id())
                .param("hash", hash)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("expires", expiresAt.atOffset(ZoneOffset.UTC))
                .param("actor", actorId)
                .param("scoped", !issuerReach.everyone())
                .update();
        for (Long unit : issuerReach.everyone() ? Set.<Long>of() : issuerReach.units()) {
            jdbc.sql("""
                    insert into magic_link_reach_unit (magic_link_id, unit_organization_id)
                    select id, :unit from magic_link where token_hash = :hash""")
                    .param("unit", unit).param("hash", hash).update();
        }
        // The token is neither logged nor audited: whoever reads the trail must not be able to use it.
        audit.record("magic_link_creation", actorId, "employee", employee.id(),
                "Magic link for " + employee.email() + ", valid until " + expiresAt, Instant.now());
        return new IssuedLink(address.of("/portal/" + token), expiresAt);
    }

    /** The visitor a token lets in; empty when it is malformed, unknown, expired, or its employee is no longer active. */
    @Transactional(readOnly = true)
    public Optional<PortalVisitor> resolve(String token) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Instant now = time.now();
        return jdbc.sql("""
                select id, employee_id, token_hash, expires_at, created_by, reach_scoped from magic_link
                where token_hash = :hash""")
                .param("hash", hash)
                .query((rs, n) -> new StoredLink(rs.getLong("id"), rs.getLong("employee_id"),
                        rs.getString("token_hash"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("created_by", Long.class), rs.getBoolean("reach_scoped")))
                .optional()
                .filter(stored -> MessageDigest.isEqual(stored.hash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .filter(stored -> now.isBefore(stored.expiresAt()))
                .filter(stored -> employees.find(stored.employeeId()).isPresent())
                .map(stored -> new PortalVisitor(stored.employeeId(), stored.expiresAt(), reachOf(stored)))
                .filter(visitor -> involvement.isActive(visitor.employeeId(), visitor.reach()));
    }

    /** @throws PortalLinkNotValid whatever is wrong with the token */
    public PortalVisitor require(String token) {
        return resolve(token).orElseThrow(PortalLinkNotValid::new);
    }

    /** Whether a link was issued to the employee at or after this moment (a throttle for self-service). */
    @Transactional(readOnly = true)
    public boolean issuedSince(long employeeId, Instant since) {
        return jdbc.sql("select count(*) from magic_link where employee_id = :employee and created_at >= :since")
                .param("employee", employeeId).param("since", since.atOffset(ZoneOffset.UTC))
                .query(Long.class).single() > 0;
    }

    private EmployeeReach reachOf(StoredLink stored) {
        if (!stored.scoped()) {
            return EmployeeReach.EVERYONE;
        }
        return new EmployeeReach(false, new HashSet<>(jdbc.sql(
                "select unit_organization_id from magic_link_reach_unit where magic_link_id = :link")
                .param("link", stored.id()).query(Long.class).list()), stored.issuerId());
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private record StoredLink(long id, long employeeId, String hash, Instant expiresAt, Long issuerId, boolean scoped) {
    }
}
