package dev.onboardingengine.api.secrets;

import java.util.List;

/** A {@link SecretCipher} under a given key, for tests outside this package (its constructor is package-private). */
public final class SecretCipherFactory {

    private SecretCipherFactory() {
    }

    public static SecretCipher withKey(String base64Key) {
        return new SecretCipher(new SecretsProperties(base64Key, List.of(), null, false));
    }
}
