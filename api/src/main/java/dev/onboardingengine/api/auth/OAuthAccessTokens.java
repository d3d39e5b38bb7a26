package dev.onboardingengine.api.auth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.directory.EmployeeRole;

/**
 * The access tokens Spring Authorization Server issues to {@link OAuthClients}, kept as API tokens
 * are: only the SHA-256 of each (a random 96-byte value), which finds its row, so a copy of the
 * database holds no usable token. Spring's own JDBC service would store the token itself. Only the
 * client credentials grant is registered, which saves an authorization once and never reads one by
 * its id; its token is looked up by value, here by the token filter ({@link #authenticate}).
 */
@Service
class OAuthAccessTokens implements OAuth2AuthorizationService {

    private final JdbcClient jdbc;
    private final OAuthClients clients;

    OAuthAccessTokens(JdbcClient jdbc, OAuthClients clients) {
        this.jdbc = jdbc;
        this.clients = clients;
    }

    @Override
    @Transactional
    public void save(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        if (access == null) {
            return;
        }
        OAuth2AccessToken token = access.getToken();
        Instant now = Instant.now();
        // Expired rows go as new ones come: the table holds about one live token per client.
        jdbc.sql("delete from api_client_token where expires_at < :now").param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("""
                insert into api_client_token (token_hash, client_id, authorization_id, issued_at, expires_at)
                values (:hash, :client, :authorization, :issued, :expires)""")
                .param("hash", ApiTokens.sha256(token.getTokenValue()))
                .param("client", authorization.getRegisteredClientId())
                .param("authorization", authorization.getId())
                .param("issued", token.getIssuedAt().atOffset(ZoneOffset.UTC))
                .param("expires", token.getExpiresAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    @Override
    @Transactional
    public void remove(OAuth2Authorization authorization) {
        jdbc.sql("delete from api_client_token where authorization_id = :id").param("id", authorization.getId())
                .update();
    }

    /** Never asked for by the client credentials grant: without the token value there is nothing to rebuild. */
    @Override
    public OAuth2Authorization findById(String id) {
        return null;
    }

    @Override
    @Transactional(readOnly = true)
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (token == null || (tokenType != null && !OAuth2TokenType.ACCESS_TOKEN.equals(tokenType))) {
            return null;
        }
        return jdbc.sql(
                "select client_id, authorization_id, issued_at, expires_at from api_client_token where token_hash = :hash")
                .param("hash", ApiTokens.sha256(token))
                .query((rs, n) -> {
                    RegisteredClient client = clients.findByClientId(rs.getString("client_id"));
                    return client == null
                            ? null
                            : OAuth2Authorization.withRegisteredClient(client)
                                    .id(rs.getString("authorization_id"))
                                    .principalName(client.getClientId())
                                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                                    .token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token,
                                            rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                                            rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                                    .build();
                })
                .optional()
                .orElse(null);
    }

    /** The caller an issued token acts as: its client's owner, while the token has not expired. */
    @Transactional(readOnly = true)
    Optional<Caller> authenticate(String token) {
        return jdbc.sql("""
                select e.id, e.email, e.role
                from api_client_token t
                join api_client c on c.client_id = t.client_id
                join employee e on e.id = c.employee_id
                where t.token_hash = :hash and t.expires_at > :now and e.deleted_at is null""")
                .param("hash", ApiTokens.sha256(token))
                .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Caller(rs.getLong("id"), rs.getString("email"),
                        EmployeeRole.valueOf(rs.getString("role"))))
                .optional();
    }
}
