package dev.onboardingengine.api.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.workflow.administrator.EngineAdministrator;

/**
 * The Camunda administrator (Cockpit, Tasklist, Admin, {@code /engine-rest}) has no default
 * password. On the start that creates the user (the first, on an empty database) the password is
 * {@code ONBOARDING_ADMIN_PASSWORD}, or, when that is unset, a generated one printed once, right
 * after the demo API token. Only Camunda's salted hash of it is stored.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class FirstEngineAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstEngineAdministrator.class);

    private final EngineAdministrator administrator;
    private final FirstAdministrator.Settings settings;
    private final StartupLock startupLock;

    FirstEngineAdministrator(EngineAdministrator administrator, FirstAdministrator.Settings settings,
            StartupLock startupLock) {
        this.administrator = administrator;
        this.settings = settings;
        this.startupLock = startupLock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // Camunda's identity commands join this transaction: a node starting at the same moment waits
        // here and then finds the user, instead of failing on its primary key (and logging it as an error).
        startupLock.hold();
        boolean chosen = !settings.password().isBlank();
        String password = chosen ? settings.password() : EngineAdministrator.generatePassword();
        if (!administrator.createIfAbsent(settings.user(), password)) {
            return;
        }
        if (chosen) {
            log.info("Camunda administrator '{}' created with the password from ONBOARDING_ADMIN_PASSWORD",
                    settings.user());
            return;
        }
        // Printed once by design, like the demo token: it is the way into Cockpit on a fresh installation.
        log.warn("""

                ==========================================================================
                 Camunda administrator (Cockpit, Tasklist, Admin, /engine-rest) created.
                 User '{}', password (shown only now, stored hashed):

                     {}

                 Lost it? java -jar onboarding-engine.jar reset-admin-password
                ==========================================================================""",
                settings.user(), password);
    }
}
