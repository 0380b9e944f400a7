package vn.dvc.integration;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The durable topic exchange events are published to, declared on the broker when one is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.integration.broker.enabled", havingValue = "true")
class BrokerConfiguration {

    @Bean
    TopicExchange integrationExchange(@Value("${app.integration.broker.exchange:dvc.events}") String name) {
        return new TopicExchange(name, true, false);
    }
}
