package dev.onboardingengine.workflow.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationProperties.class, SlackProperties.class})
class NotificationConfiguration {

    @Bean
    MailTemplates mailTemplates(NotificationProperties properties) {
        return new MailTemplates(properties.templateDir());
    }
}
