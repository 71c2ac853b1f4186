package vn.trean.plans;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the CSV import of targets and denominators: a whole province for every year
 * of a plan is about a thousand lines and well under a megabyte.
 *
 * @param maxFileSize the largest file read (below
 * {@code spring.servlet.multipart.max-file-size}, so a larger file gets this module's
 * message)
 * @param maxRows the most lines of figures read
 * @param maxProblems the most problems listed on the refusal page
 */
@ConfigurationProperties("trean.plans.import")
record PlanImportSettings(@DefaultValue("1MB") DataSize maxFileSize, @DefaultValue("5000") int maxRows,
		@DefaultValue("200") int maxProblems) {
}
