package dev.onboardingengine.workflow.journey;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean that deployed diagrams may name in their expressions ({@code ${notifyStakeholder}},
 * {@code ${onboardingTime.workday(execution, 2)}}): the engine's documented delegates, listeners and
 * helpers. Every other bean of the application (its DataSource, JdbcTemplate, services) is out of a
 * diagram's reach, at deploy time and when an expression is evaluated.
 * <p>
 * It lives with the journey, not with {@code modeling} that enforces it: journey, notification and
 * invitation mark their delegates with it, and modeling checks diagrams against the journey's statuses
 * and roles, so modeling depends on journey and never the other way round.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReachableFromDiagrams {
}
