package dev.onboardingengine.api.secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets that the engine must read back (webhook signing secrets, which it needs in clear to
 * sign) before they are stored: AES-256-GCM from Spring Security Crypto, a fresh random IV per value,
 * the key from {@link SecretsProperties}. A stored value reads {@code v1:<key id>:<base64 of IV, cipher
 * text and tag>}; the key id (the first 8 hex digits of the key's SHA-256) says which key decrypts it, so
 * the key can be rotated: the new one encrypts, the previous ones still decrypt.
 */
@Component
public class SecretCipher {

    private static final String FORMAT = "v1";
    private static final int IV_BYTES = 16;

    private final String currentKeyId;
    private final Map<String, BytesEncryptor> encryptors = new LinkedHashMap<>();

    SecretCipher(SecretsProperties properties) {
        String current = currentKey(properties);
        currentKeyId = add(current, "ONBOARDING_SECRETS_KEY");
        for (String previous : properties.previousKeys()) {
            if (!previous.isBlank()) {
                add(previous.strip(), "ONBOARDING_SECRETS_PREVIOUS_KEYS");
            }
        }
    }

    private static String currentKey(SecretsProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return properties.key().strip();
        }
        if (properties.keyFile() != null && !properties.keyFile().isBlank()) {
            return SecretsKeyFile.readOrCreate(Path.of(properties.keyFile()), properties.generateKey());
        }
        throw new IllegalStateException("No key to encrypt secrets at rest: set ONBOARDING_SECRETS_KEY to the base64 "
                + "of 32 random bytes (openssl rand -base64 32), the same on every node, and keep it with the "
                + "database backups");
    }

    private String add(String base64Key, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64: expected the base64 of 32 random bytes");
        }
        if (key.length != SecretsKeyFile.KEY_BYTES) {
            throw new IllegalStateException(source + " holds " + key.length + " bytes: expected the base64 of "
                    + SecretsKeyFile.KEY_BYTES + " random bytes (openssl rand -base64 32)");
        }
        String id = keyId(key);
        encryptors.putIfAbsent(id, new AesBytesEncryptor(new SecretKeySpec(key, "AES"),
                KeyGenerators.secureRandom(IV_BYTES), AesBytesEncryptor.CipherAlgorithm.GCM));
        return id;
    }

    public String encrypt(String secret) {
        byte[] sealed = encryptors.get(currentKeyId).encrypt(secret.getBytes(StandardCharsets.UTF_8));
        return FORMAT + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    public String decrypt(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":", 3);
        if (parts.length != 3 || !FORMAT.equals(parts[0])) {
            throw new SecretNotReadable("not an encrypted secret of this engine");
        }
        BytesEncryptor encryptor = encryptors.get(parts[1]);
        if (encryptor == null) {
            throw new SecretNotReadable("encrypted under key " + parts[1]
                    + ", which is neither ONBOARDING_SECRETS_KEY nor one of ONBOARDING_SECRETS_PREVIOUS_KEYS");
        }
        try {
            return new String(encryptor.decrypt(Base64.getDecoder().decode(parts[2])), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // GCM's tag check fails on any changed byte: Spring wraps it in an IllegalStateException.
            throw new SecretNotReadable("damaged: it does not decrypt under key " + parts[1]);
        }
    }

    /** Whether {@code stored} is encrypted under the current key (otherwise it is re-encrypted at start). */
    public boolean isUnderCurrentKey(String stored) {
        return stored != null && stored.startsWith(FORMAT + ":" + currentKeyId + ":");
    }

    /** The ids of the keys this engine decrypts with, the current one first (shown in logs, never the keys). */
    public List<String> keyIds() {
        return new ArrayList<>(encryptors.keySet());
    }

    private static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
