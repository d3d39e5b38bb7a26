package dev.onboardingengine.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets at rest: AES-GCM under a configured key, the embedded default's generated key file, key rotation. */
class SecretCipherTests {

    private static final String KEY = "Z5AnbDQrIUrjrUFOTWZmPhH0ikFjIcC1CluLplQL6es=";
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    Path directory;

    @Test
    void aSecretIsStoredEncryptedDifferentlyEachTimeAndReadBack() {
        // Given a configured key
        SecretCipher cipher = new SecretCipher(new SecretsProperties(KEY, List.of(), null, false));

        // When the same secret is encrypted twice
        String one = cipher.encrypt(SECRET);
        String two = cipher.encrypt(SECRET);

        // Then neither shows it (nor its key part), they differ (a fresh IV each), and both decrypt to it
        assertThat(one).startsWith("v1:").doesNotContain(SECRET).doesNotContain(SECRET.substring(6)).isNotEqualTo(two);
        assertThat(cipher.decrypt(one)).isEqualTo(SECRET);
        assertThat(cipher.decrypt(two)).isEqualTo(SECRET);
        assertThat(cipher.isUnderCurrentKey(one)).isTrue();
    }

    @Test
    void aChangedByteOrAnotherKeyIsRefusedNeverMisread() {
        SecretCipher cipher = new SecretCipher(new SecretsProperties(KEY, List.of(), null, false));
        String stored = cipher.encrypt(SECRET);
        byte[] sealed = Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
        sealed[sealed.length - 1] ^= 1;
        String tampered = stored.substring(0, stored.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(sealed);

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(SecretNotReadable.class)
                .hasMessageContaining("damaged");
        assertThatThrownBy(
                () -> new SecretCipher(new SecretsProperties(OTHER_KEY, List.of(), null, false)).decrypt(stored))
                .isInstanceOf(SecretNotReadable.class).hasMessageContaining("ONBOARDING_SECRETS_PREVIOUS_KEYS");
        assertThatThrownBy(() -> cipher.decrypt(SECRET)).isInstanceOf(SecretNotReadable.class);
    }

    @Test
    void afterAKeyRotationTheOldKeyStillDecryptsAndTheNewOneEncrypts() {
        // Given a secret stored under the old key
        String stored = new SecretCipher(new SecretsProperties(KEY, List.of(), null, false)).encrypt(SECRET);

        // When the key is rotated, the old one moved to the previous keys
        SecretCipher rotated = new SecretCipher(new SecretsProperties(OTHER_KEY, List.of(KEY), null, false));

        // Then the stored secret still reads, is known to need re-encryption, and new values use the new key
        assertThat(rotated.decrypt(stored)).isEqualTo(SECRET);
        assertThat(rotated.isUnderCurrentKey(stored)).isFalse();
        assertThat(rotated.isUnderCurrentKey(rotated.encrypt(SECRET))).isTrue();
        assertThat(rotated.keyIds()).hasSize(2);
    }

    @Test
    void theEmbeddedDefaultGeneratesItsKeyFileOnceOwnerOnly() throws Exception {
        // Given no key configured, a key file that does not exist yet in a data directory not made yet
        Path file = directory.resolve("data").resolve("secrets.key");
        SecretsProperties embedded = new SecretsProperties("", List.of(), file.toString(), true);

        // When the engine starts twice
        String stored = new SecretCipher(embedded).encrypt(SECRET);
        SecretCipher restarted = new SecretCipher(embedded);

        // Then the key was written once, readable by its owner only, in an owner-only directory, and reused
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(restarted.decrypt(stored)).isEqualTo(SECRET);
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void withoutAKeyOrWithABadOneTheEngineRefusesToStartSayingWhatToSet() {
        // The postgres profile: no key, no key file, nothing generated
        assertThatThrownBy(() -> new SecretCipher(new SecretsProperties("", List.of(), "", false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ONBOARDING_SECRETS_KEY");
        // A key file named but missing, and generating off
        assertThatThrownBy(() -> new SecretCipher(new SecretsProperties(null, List.of(),
                directory.resolve("missing.key").toString(), false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
        // A key of the wrong size, or not base64
        assertThatThrownBy(() -> new SecretCipher(new SecretsProperties("c2hvcnQ=", List.of(), null, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds 5 bytes");
        assertThatThrownBy(() -> new SecretCipher(new SecretsProperties(KEY, List.of("not base64!"), null, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ONBOARDING_SECRETS_PREVIOUS_KEYS");
    }
}
