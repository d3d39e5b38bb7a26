package dev.onboardingengine.api.secrets;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the key that encrypts secrets at rest comes from.
 *
 * @param key the key itself, base64 of 32 random bytes ({@code openssl rand -base64 32}); wins over the file
 * @param previousKeys keys that only decrypt: secrets still encrypted under one of them are re-encrypted
 *        under {@code key} at start, after which they can be dropped
 * @param keyFile a file holding the key in the same form, read when {@code key} is unset
 * @param generateKey whether a missing {@code keyFile} is created with a fresh key (the embedded default);
 *        off in the {@code postgres} profile, where every node must share one key from configuration
 */
@ConfigurationProperties("onboarding.secrets")
record SecretsProperties(String key, @DefaultValue List<String> previousKeys, String keyFile,
        @DefaultValue("false") boolean generateKey) {
}
