package vn.dvc.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time is injected: every module asks this clock, never the system directly. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    ApplicationClock clock() {
        return ApplicationClock.inVietnam();
    }
}
