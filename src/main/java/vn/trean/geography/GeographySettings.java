package vn.trean.geography;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the administrative-unit reference files are read from at start-up.
 *
 * @param referenceData a Spring resource location ending in a slash
 */
@ConfigurationProperties("trean.geography")
record GeographySettings(@DefaultValue("classpath:admin-units/") String referenceData) {
}
