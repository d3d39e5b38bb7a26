package dev.onboardingengine.workflow.operations;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A graceful shutdown lets the jobs Camunda's job executor is running finish (a mail being sent, a
 * step being completed) instead of interrupting them: the starter's {@code camundaTaskExecutor} waits
 * up to {@code onboarding.job-execution.shutdown-wait} for them. A job cut short anyway keeps its lock
 * until it expires, and another node then runs it again.
 *
 * <p>It keeps taking tasks after the context starts closing: Spring's early soft shutdown of the
 * executor would otherwise refuse the jobs Camunda's acquisition thread has just locked, and they would
 * stay locked for a lock time. {@link JobExecutorStopsBeforeTheDatabase} stops the acquisition first and
 * then drains the executor, while the database is still there.
 */
@Component
class JobExecutorDrainsOnShutdown implements BeanPostProcessor {

    static final String CAMUNDA_TASK_EXECUTOR = "camundaTaskExecutor";

    private final Duration shutdownWait;

    JobExecutorDrainsOnShutdown(@Value("${onboarding.job-execution.shutdown-wait:30s}") Duration shutdownWait) {
        this.shutdownWait = shutdownWait;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (CAMUNDA_TASK_EXECUTOR.equals(beanName) && bean instanceof ThreadPoolTaskExecutor executor) {
            executor.setWaitForTasksToCompleteOnShutdown(true);
            executor.setAcceptTasksAfterContextClose(true);
            executor.setAwaitTerminationMillis(shutdownWait.toMillis());
        }
        return bean;
    }
}
