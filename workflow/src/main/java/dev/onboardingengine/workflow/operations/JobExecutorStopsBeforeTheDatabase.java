package dev.onboardingengine.workflow.operations;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The job executor's part of a graceful shutdown, in the lifecycle's stop phase, after the Kafka
 * consumers and the web server have stopped taking work and before any bean is destroyed. Left to bean
 * destruction, the connection pool closed while the executor was still draining: jobs running then
 * failed, and the jobs acquired but not started kept their locks (found by
 * ClusterGracefulShutdownFaultTests: 3 of 26 locked jobs left locked by a node stopped with SIGTERM).
 * So: stop Camunda's acquisition (no job is locked any more; a batch already acquired and not begun is
 * unlocked by Camunda itself once the executor is inactive), then let the running jobs finish, up to
 * {@code onboarding.job-execution.shutdown-wait}. Once none runs, a job this node still holds is one it
 * will never run (a batch the full executor refused, which Camunda keeps for an acquisition that will
 * not come): its lock is released, so another node takes it at once instead of after the lock time.
 */
@Component
class JobExecutorStopsBeforeTheDatabase implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobExecutorStopsBeforeTheDatabase.class);

    private final ObjectProvider<ProcessEngine> engine;
    private final ObjectProvider<ThreadPoolTaskExecutor> executor;
    private final Duration shutdownWait;
    private volatile boolean running;

    JobExecutorStopsBeforeTheDatabase(ObjectProvider<ProcessEngine> engine,
            @Qualifier(JobExecutorDrainsOnShutdown.CAMUNDA_TASK_EXECUTOR) ObjectProvider<ThreadPoolTaskExecutor> executor,
            @Value("${onboarding.job-execution.shutdown-wait:30s}") Duration shutdownWait) {
        this.engine = engine;
        this.executor = executor;
        this.shutdownWait = shutdownWait;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        ProcessEngine processEngine = engine.getIfAvailable();
        if (processEngine == null
                || !(processEngine
                        .getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl configuration)
                || configuration.getJobExecutor() == null || !configuration.getJobExecutor().isActive()) {
            return;
        }
        JobExecutor jobExecutor = configuration.getJobExecutor();
        // Waits for the acquisition thread to end: nothing is locked after this returns.
        jobExecutor.shutdown();
        ThreadPoolTaskExecutor tasks = executor.getIfAvailable();
        if (tasks != null && !drained(tasks.getThreadPoolExecutor())) {
            log.warn("Camunda jobs still running after {}: their locks expire and another node runs them again",
                    shutdownWait);
            return;
        }
        int released = new JdbcTemplate(configuration.getDataSource()).update("update "
                + configuration.getDatabaseTablePrefix() + "ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null,"
                + " REV_ = REV_ + 1 where LOCK_OWNER_ = ?", jobExecutor.getLockOwner());
        if (released > 0) {
            log.info("Released the locks of {} Camunda jobs acquired but not run: another node runs them now",
                    released);
        }
    }

    private boolean drained(ThreadPoolExecutor pool) {
        pool.shutdown();
        try {
            return pool.awaitTermination(shutdownWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the Kafka listener containers (MAX - 100) and the web server's graceful shutdown (MAX - 1024, MAX - 2048). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
