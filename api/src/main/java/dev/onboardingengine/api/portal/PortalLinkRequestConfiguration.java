package dev.onboardingengine.api.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import dev.onboardingengine.api.throttle.ClientThrottle;

/** What {@code /portal/new-link} needs besides {@link LinkRequests}: its per-client throttle and its mail thread. */
@Configuration(proxyBeanMethods = false)
class PortalLinkRequestConfiguration {

    static final String EXECUTOR = "linkRequestExecutor";
    static final int QUEUE = 1_000;

    @Bean
    ClientThrottle linkRequestThrottle(PortalProperties properties) {
        return new ClientThrottle(properties.linkRequestsPerClient(), properties.linkRequestWindow());
    }

    /** One thread: links are few; a flood waits in a bounded queue (the throttle keeps it short). */
    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor linkRequestExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(QUEUE);
        executor.setThreadNamePrefix("link-request-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
