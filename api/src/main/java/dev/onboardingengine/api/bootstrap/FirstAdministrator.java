package dev.onboardingengine.api.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.auth.ApiTokens;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;

/**
 * On the very first start (no administrator in the directory) creates one, with an API token that is
 * printed once, so the API can be tried at once. Later starts do nothing: the token cannot be shown
 * again (only its hash is kept); {@code create-token <email>} makes another.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Employees employees;
    private final NewHireService hires;
    private final ApiTokens tokens;
    private final Settings settings;
    private final StartupLock startupLock;

    FirstAdministrator(Employees employees, NewHireService hires, ApiTokens tokens, Settings settings,
            StartupLock startupLock) {
        this.employees = employees;
        this.startupLock = startupLock;
        this.hires = hires;
        this.tokens = tokens;
        this.settings = settings;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // Another node starting at the same moment checks after this one has committed its administrator.
        startupLock.hold();
        if (employees.anyWithRole(EmployeeRole.ADMIN)) {
            return;
        }
        Employee admin = hires.hire(NewHire.builder().firstName("Onboarding").lastName("Admin")
                .email(settings.email()).role(EmployeeRole.ADMIN).build(), null);
        if (settings.token() != null && !settings.token().isBlank()) {
            tokens.register(admin, settings.token(), null);
            log.info("First administrator {} created (id {}) with the API token from ONBOARDING_ADMIN_TOKEN",
                    admin.email(), admin.id());
        } else {
            String key = tokens.issue(admin, null);
            // Printed once by design: the demo token is the way into a fresh installation.
            log.warn("""

                    ==========================================================================
                     First administrator {} created (employee id {}).
                     Demo API token (shown only now, stored hashed):

                         {}

                     curl -H "Authorization: Token {}" http://localhost:8080/api/employees/
                    ==========================================================================""",
                    admin.email(), admin.id(), key, key);
        }
    }

    /**
     * @param email the first administrator's address
     * @param token a chosen API token for them (at least 32 characters); empty: one is generated and printed
     * @param user the Camunda administrator's user id
     * @param password the Camunda administrator's password when the user is created; empty: generated and printed
     */
    @ConfigurationProperties("onboarding.admin")
    record Settings(@DefaultValue("admin@example.com") String email, @DefaultValue("") String token,
            @DefaultValue("admin") String user, @DefaultValue("") String password) {
    }
}
