package dev.onboardingengine.workflow.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full application context on real PostgreSQL and a real Kafka broker ({@link RealInfrastructure}),
 * with Camunda's job executor off so that tests fire timers themselves after moving Camunda's clock
 * ({@link EngineClock}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@ContextConfiguration(initializers = RealInfrastructure.class)
public @interface EngineIntegrationTest {

    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;
}
