/**
 * The application users talk to: every dialect's REST API, the directory, auth, audit, hire intake and the
 * portal.
 * <p>
 * It uses the engine only through the named interfaces that {@code workflow} exposes (the types marked
 * {@code @NamedInterface} there, one interface per feature package), never the rest of workflow; the
 * application's main class starts it through its {@code boot} interface. Checked by
 * {@code architecture.ModularityTests}.
 */
@ApplicationModule(allowedDependencies = {
        "workflow::action", "workflow::administrator", "workflow::broker", "workflow::events", "workflow::hire",
        "workflow::journey", "workflow::migration", "workflow::notification", "workflow::paperwork",
        "workflow::sequence"})
package dev.onboardingengine.api;

import org.springframework.modulith.ApplicationModule;
