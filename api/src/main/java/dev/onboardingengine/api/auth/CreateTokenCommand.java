package dev.onboardingengine.api.auth;

import java.io.PrintStream;
import java.util.Optional;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.NamedInterface;

import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.local.CommandLineContext;

/**
 * {@code create-token <email>}: the engine's {@code drf_create_token}. Creates an API token for an
 * existing administrator, prints it once and exits. Runs against the configured database without
 * starting the web server, the job executor or the Kafka consumers ({@link CommandLineContext}),
 * beside a running engine or not.
 */
@NamedInterface("boot")
public final class CreateTokenCommand {

    static final String NAME = "create-token";

    /** Camunda's REST API and webapps need a servlet container; a command-line run has none. */
    public static final String WITHOUT_WEB_APPS = CommandLineContext.WITHOUT_WEB_APPS;

    private CreateTokenCommand() {
    }

    public static boolean isInvokedBy(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** @return the process exit code */
    @SuppressWarnings("java:S106") // a command-line tool talks to its terminal
    public static int run(Class<?> application, String[] args) {
        PrintStream out = System.out;
        if (args.length != 2) {
            System.err.println("Usage: create-token <email of an administrator>");
            return 2;
        }
        try (ConfigurableApplicationContext context = CommandLineContext.start(application)) {
            Optional<Employee> admin = context.getBean(Employees.class).findByEmail(args[1])
                    .filter(employee -> employee.role() == EmployeeRole.ADMIN);
            if (admin.isEmpty()) {
                System.err.println("No administrator with email " + args[1]);
                return 1;
            }
            String key = context.getBean(ApiTokens.class).issue(admin.get(), null);
            out.println("Generated token " + key + " for user " + admin.get().email());
            return 0;
        }
    }
}
