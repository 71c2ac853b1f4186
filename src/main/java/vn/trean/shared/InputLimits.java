package vn.trean.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request bodies the server reads ({@link RequestInput}); a larger one is
 * answered with 413 before it is read. Multipart uploads have their own limit,
 * {@code spring.servlet.multipart.max-request-size}, which Tomcat applies by the declared
 * length before reading, and while reading a chunked body.
 *
 * @param maxFormBody a submitted form ({@code application/x-www-form-urlencoded}) or any
 * other body of a page (Tomcat's {@code max-http-form-post-size} is set to the same)
 * @param maxApiBody a body sent to the REST API ({@code /api/**})
 */
@ConfigurationProperties("trean.input")
record InputLimits(@DefaultValue("2MB") DataSize maxFormBody, @DefaultValue("2MB") DataSize maxApiBody) {
}
