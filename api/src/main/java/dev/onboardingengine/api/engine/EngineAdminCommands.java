package dev.onboardingengine.api.engine;

import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.modulith.NamedInterface;

import dev.onboardingengine.api.local.CommandLineContext;
import dev.onboardingengine.workflow.administrator.EngineAdministrator;

/**
 * The way back into Cockpit and {@code /engine-rest}, from the machine the engine runs on:
 * {@code unlock-admin} lifts Camunda's lockout of the administrator (after {@code loginMaxAttempts}
 * wrong passwords Camunda locks a user for good, in its database); {@code reset-admin-password} sets
 * {@code ONBOARDING_ADMIN_PASSWORD}, or a generated password it prints once, and unlocks. The user is
 * {@code ONBOARDING_ADMIN_USER} (admin). Both run beside a running engine or not ({@link CommandLineContext}).
 */
@NamedInterface("boot")
public final class EngineAdminCommands {

    static final String UNLOCK = "unlock-admin";
    static final String RESET_PASSWORD = "reset-admin-password";

    private EngineAdminCommands() {
    }

    public static boolean isInvokedBy(String[] args) {
        return args.length > 0 && Set.of(UNLOCK, RESET_PASSWORD).contains(args[0]);
    }

    /** @return the process exit code: 0 done, 1 no such user, 2 wrong usage */
    @SuppressWarnings("java:S106") // a command-line tool talks to its terminal
    public static int run(Class<?> application, String[] args) {
        if (args.length != 1) {
            System.err.println("Usage: " + UNLOCK + " | " + RESET_PASSWORD
                    + " (the user is ONBOARDING_ADMIN_USER; the new password ONBOARDING_ADMIN_PASSWORD, else generated)");
            return 2;
        }
        try (ConfigurableApplicationContext context = CommandLineContext.start(application)) {
            Environment environment = context.getEnvironment();
            String user = environment.getProperty("onboarding.admin.user", "admin");
            EngineAdministrator administrator = context.getBean(EngineAdministrator.class);
            if (UNLOCK.equals(args[0])) {
                if (!administrator.unlock(user)) {
                    System.err.println("No Camunda user '" + user + "'");
                    return 1;
                }
                System.out.println("Camunda user '" + user + "' unlocked");
                return 0;
            }
            String chosen = environment.getProperty("onboarding.admin.password", "");
            String password = chosen.isBlank() ? EngineAdministrator.generatePassword() : chosen;
            if (!administrator.resetPassword(user, password)) {
                System.err.println("No Camunda user '" + user + "'");
                return 1;
            }
            System.out.println(chosen.isBlank()
                    ? "New password of Camunda user '" + user + "' (shown only now, stored hashed): " + password
                    : "Camunda user '" + user + "' has the password from ONBOARDING_ADMIN_PASSWORD");
            return 0;
        }
    }
}
