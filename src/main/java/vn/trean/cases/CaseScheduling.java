package vn.trean.cases;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the timers (the deadline escalation). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CaseScheduling {

}
