package dev.onboardingengine.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.codec.Hex;
import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;

/**
 * API tokens. A key is 40 hex characters (160 random bits, the shape of ChiefOnboarding's keys). Only
 * its SHA-256 hash is stored: a slow password hash buys nothing for a random 160-bit secret and would
 * cost every request tens of milliseconds. The first 8 characters find the row; the hashes are then
 * compared in constant time. Tokens never expire and die with their employee.
 */
@Service
public class ApiTokens {

    static final int LOOKUP_LENGTH = 8;
    static final int MINIMUM_CHOSEN_KEY_LENGTH = 32;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final BytesKeyGenerator keys = KeyGenerators.secureRandom(20);

    ApiTokens(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Creates a new random token for the employee and returns its key: the only time it is seen. */
    @Transactional
    public String issue(Employee employee, Long actorId) {
        String key = new String(Hex.encode(keys.generateKey()));
        store(employee, key, actorId);
        return key;
    }

    /** Stores a key chosen by the operator (ONBOARDING_ADMIN_TOKEN) for the employee. */
    @Transactional
    public void register(Employee employee, String chosenKey, Long actorId) {
        if (chosenKey.length() < MINIMUM_CHOSEN_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "An API token must have at least " + MINIMUM_CHOSEN_KEY_LENGTH + " characters");
        }
        store(employee, chosenKey, actorId);
    }

    private void store(Employee employee, String key, Long actorId) {
        Instant now = Instant.now();
        jdbc.sql("insert into api_token (employee_id, lookup_key, key_hash, created_at) values (:e, :l, :h, :now)")
                .param("e", employee.id())
                .param("l", key.substring(0, LOOKUP_LENGTH))
                .param("h", sha256(key))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        audit.record("api_token_creation", actorId, "employee", employee.id(),
                "API token created for " + employee.email(), now);
    }

    /** The caller a key belongs to, if the key is valid and its employee still exists. */
    @Transactional(readOnly = true)
    public Optional<Caller> authenticate(String key) {
        if (key == null || key.length() < LOOKUP_LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select t.key_hash, e.id, e.email, e.role
                from api_token t join employee e on e.id = t.employee_id
                where t.lookup_key = :lookup and e.deleted_at is null
                """)
                .param("lookup", key.substring(0, LOOKUP_LENGTH))
                .query((rs, n) -> new StoredToken(rs.getString("key_hash"),
                        new Caller(rs.getLong("id"), rs.getString("email"),
                                EmployeeRole.valueOf(rs.getString("role")))))
                .optional()
                .filter(stored -> MessageDigest.isEqual(stored.hash().getBytes(StandardCharsets.US_ASCII),
                        sha256(key).getBytes(StandardCharsets.US_ASCII)))
                .map(StoredToken::caller);
    }

    /** The hex SHA-256 of a token: what is stored of it, and what the rate limits key their buckets by. */
    static String sha256(String key) {
        try {
            return new String(
                    Hex.encode(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private record StoredToken(String hash, Caller caller) {
    }
}
