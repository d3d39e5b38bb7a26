package dev.onboardingengine.processes;

import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Camunda's JUnit 5 extension on an engine of the test class's own: an in-memory H2 database, no job
 * executor (tests move the clock and run due jobs with {@link SimulatedJobExecutor}), the history level
 * the application runs with (audit), and the {@link EngineDoubles} as the only beans expressions can
 * reach. It deploys each test's {@code @Deployment} and removes it afterwards (with the instances,
 * jobs and history), resets the clock after each test, and closes the engine after the class. Before
 * each test the clock stands at {@link HireVariables#ANNOUNCED_AT}, the doubles are empty and
 * camunda-bpm-assert uses this engine.
 */
final class InMemoryProcessEngine extends ProcessEngineExtension implements BeforeEachCallback {

    private final EngineDoubles doubles;

    InMemoryProcessEngine(Class<?> testClass, EngineDoubles doubles) {
        this.doubles = doubles;
        useProcessEngine(start(testClass.getSimpleName(), doubles));
    }

    private static ProcessEngine start(String name, EngineDoubles doubles) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setBeans(doubles.beans());
        return configuration.buildProcessEngine();
    }

    /** Before the test's own {@code @BeforeEach} methods, which may use camunda-bpm-assert's services. */
    @Override
    public void beforeEach(ExtensionContext context) {
        doubles.reset();
        ClockUtil.setCurrentTime(Date.from(HireVariables.ANNOUNCED_AT));
        BpmnAwareTests.init(getProcessEngine());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        ProcessEngine engine = getProcessEngine();
        super.afterAll(context);
        engine.close();
    }

    SimulatedJobExecutor jobExecutor() {
        return new SimulatedJobExecutor(getManagementService());
    }
}
