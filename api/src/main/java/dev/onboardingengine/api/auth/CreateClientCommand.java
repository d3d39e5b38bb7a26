package dev.onboardingengine.api.auth;

import java.io.PrintStream;
import java.util.Optional;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.NamedInterface;

import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.local.CommandLineContext;

/**
 * {@code create-client <owner email> [name]}: registers a Workelo OAuth 2.0 API client (client
 * credentials grant, {@code POST /oauth/token}) acting as an existing employee, prints its client id
 * and secret once and exits. The one who runs the jar against the database is the administrator;
 * the client's tokens have the owner's role and scope. Runs like {@code create-token}
 * ({@link CommandLineContext}), beside a running engine or not.
 */
@NamedInterface("boot")
public final class CreateClientCommand {

    static final String NAME = "create-client";

    private CreateClientCommand() {
    }

    public static boolean isInvokedBy(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** @return the process exit code */
    @SuppressWarnings("java:S106") // a command-line tool talks to its terminal
    public static int run(Class<?> application, String[] args) {
        PrintStream out = System.out;
        if (args.length < 2 || args.length > 3) {
            System.err.println("Usage: create-client <email of the employee it acts as> [name]");
            return 2;
        }
        try (ConfigurableApplicationContext context = CommandLineContext.start(application)) {
            Optional<Employee> owner = context.getBean(Employees.class).findByEmail(args[1]);
            if (owner.isEmpty()) {
                System.err.println("No employee with email " + args[1]);
                return 1;
            }
            OAuthClients.Registered client = context.getBean(OAuthClients.class)
                    .register(owner.get(), args.length == 3 ? args[2] : "API client of " + owner.get().email(), null);
            out.println("Generated client for user " + owner.get().email() + " (shown only now, stored hashed):");
            out.println("client_id=" + client.clientId());
            out.println("client_secret=" + client.clientSecret());
            return 0;
        }
    }
}
