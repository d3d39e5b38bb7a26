package dev.onboardingengine.api.secrets;

import java.util.List;

/** A {@link SecretCipher} under a given key, for tests outside this package (its constructor is package-private). */
public final class SecretCipherFactory {

    private SecretCipherFactory() {
    }

    public static SecretCipher withKey(String base64Key) {
        return withKeys(base64Key);
    }

    /** Encrypting under {@code current}, decrypting under it and {@code previous}. */
    public static SecretCipher withKeys(String current, String... previous) {
        return new SecretCipher(new SecretsProperties(current, List.of(previous), null, false));
    }
}
