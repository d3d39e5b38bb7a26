package dev.onboardingengine.api.webhook;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.onboardingengine.api.secrets.SecretCipher;
import dev.onboardingengine.api.secrets.SecretNotReadable;

/**
 * At start, re-encrypts under the current key the webhook secrets still encrypted under a previous one
 * ({@code ONBOARDING_SECRETS_PREVIOUS_KEYS}), so that key can be dropped afterwards, and says loudly which
 * subscriptions' secrets no configured key opens (their deliveries fail until the key is restored or
 * the secret rotated).
 */
@Component
class WebhookSecretsAtRest {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecretsAtRest.class);

    private final WebhookSubscriptions subscriptions;
    private final SecretCipher cipher;

    WebhookSecretsAtRest(WebhookSubscriptions subscriptions, SecretCipher cipher) {
        this.subscriptions = subscriptions;
        this.cipher = cipher;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reencryptUnderTheCurrentKey() {
        int reencrypted = 0;
        List<Long> unreadable = new ArrayList<>();
        for (WebhookSubscriptions.StoredSecrets stored : subscriptions.storedSecrets()) {
            if (cipher.isUnderCurrentKey(stored.secret())
                    && (stored.previousSecret() == null || cipher.isUnderCurrentKey(stored.previousSecret()))) {
                continue;
            }
            try {
                WebhookSubscriptions.StoredSecrets current = new WebhookSubscriptions.StoredSecrets(stored.id(),
                        cipher.encrypt(cipher.decrypt(stored.secret())),
                        stored.previousSecret() == null
                                ? null
                                : cipher.encrypt(cipher.decrypt(stored.previousSecret())));
                if (subscriptions.replaceStoredSecrets(stored, current)) {
                    reencrypted++;
                }
            } catch (SecretNotReadable e) {
                unreadable.add(stored.id());
            }
        }
        if (reencrypted > 0) {
            log.info("Re-encrypted the secrets of {} webhook subscription(s) under the current secrets key",
                    reencrypted);
        }
        if (!unreadable.isEmpty()) {
            log.error(
                    "The secrets of webhook subscription(s) {} cannot be decrypted with the configured keys {}: their "
                            + "deliveries fail. Restore the key they were encrypted with (ONBOARDING_SECRETS_KEY or "
                            + "ONBOARDING_SECRETS_PREVIOUS_KEYS), or rotate their secrets (POST /api/webhooks/{id}/rotate-secret)",
                    unreadable, cipher.keyIds());
        }
    }
}
