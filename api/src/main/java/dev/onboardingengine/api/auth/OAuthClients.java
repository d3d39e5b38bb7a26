package dev.onboardingengine.api.auth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.codec.Hex;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.directory.Employee;

/**
 * Workelo's API clients, as Spring Authorization Server reads them: the client credentials grant
 * only, the secret sent by HTTP Basic or in the form ({@code client_secret_basic},
 * {@code client_secret_post}), opaque access tokens ({@link OAuthAccessTokens}). Each client acts as
 * its owner, an employee: a token's caller has the owner's role and scope, and dies with the owner.
 * The secret is stored as a password hash (bcrypt through Spring Security's delegating encoder,
 * which Spring Authorization Server uses to check it): unlike an API token it is checked once an
 * hour per client, not on every request, so a slow hash costs nothing that matters.
 */
@Service
public class OAuthClients implements RegisteredClientRepository {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final OAuthProperties properties;
    private final PasswordEncoder secrets = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final BytesKeyGenerator idKeys = KeyGenerators.secureRandom(10);
    private final BytesKeyGenerator secretKeys = KeyGenerators.secureRandom(32);

    OAuthClients(JdbcClient jdbc, AuditLog audit, OAuthProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    /** A new client and its secret, the only time the secret is seen. */
    public record Registered(String clientId, String clientSecret) {
    }

    /** Registers a new API client acting as {@code owner}. */
    @Transactional
    public Registered register(Employee owner, String name, Long actorId) {
        String clientId = "oe_" + new String(Hex.encode(idKeys.generateKey()));
        String secret = new String(Hex.encode(secretKeys.generateKey()));
        Instant now = Instant.now();
        jdbc.sql("""
                insert into api_client (client_id, employee_id, secret_hash, name, created_at)
                values (:id, :owner, :hash, :name, :now)""")
                .param("id", clientId)
                .param("owner", owner.id())
                .param("hash", secrets.encode(secret))
                .param("name", name)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        audit.record("api_client_creation", actorId, "employee", owner.id(),
                "OAuth client " + clientId + " created for " + owner.email(), now);
        return new Registered(clientId, secret);
    }

    /** Clients are registered with {@link #register}, never through Spring Authorization Server. */
    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("API clients are registered with create-client");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    /** The client, if it exists and its owner is still an employee. */
    @Override
    @Transactional(readOnly = true)
    public RegisteredClient findByClientId(String clientId) {
        return jdbc.sql("""
                select c.client_id, c.secret_hash, c.name, c.created_at
                from api_client c join employee e on e.id = c.employee_id
                where c.client_id = :id and e.deleted_at is null""")
                .param("id", clientId)
                .query((rs, n) -> RegisteredClient.withId(rs.getString("client_id"))
                        .clientId(rs.getString("client_id"))
                        .clientSecret(rs.getString("secret_hash"))
                        .clientName(rs.getString("name"))
                        .clientIdIssuedAt(rs.getObject("created_at", OffsetDateTime.class).toInstant())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(TokenSettings.builder()
                                // Opaque: the token filter finds its hash, as for API tokens; no signing key
                                // to share between the nodes of a cluster.
                                .accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                                .accessTokenTimeToLive(properties.tokenTimeToLive())
                                .build())
                        .build())
                .optional()
                .orElse(null);
    }
}
