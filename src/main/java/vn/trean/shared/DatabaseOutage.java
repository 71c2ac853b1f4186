package vn.trean.shared;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers a translated 503 within the pool's connection timeout (a few seconds) while
 * PostgreSQL cannot be reached, instead of a generic 500 after half a minute or no answer
 * at all. It wraps everything else, the session store and the security filters included,
 * because they are the first to need the database, so it writes its page without them: no
 * session, no layout, the language from the language cookie. Nothing is lost by it: a
 * request that failed this way changed nothing, and the sender is told to try again (and,
 * on the pages, to call 111 or 113 if a child is in danger now). The pool reconnects by
 * itself when the database returns. Once a request has found the database unreachable,
 * its later attempts fail at once instead of each waiting for the timeout again (the
 * template, the session store and the security context may each try).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutage {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	/** Before the session store (Spring Session's filter runs at its default order). */
	static final int ORDER = Integer.MIN_VALUE + 10;

	/** Set while a request runs; true once it found the database unreachable. */
	private static final ThreadLocal<Boolean> UNREACHABLE_IN_THIS_REQUEST = new ThreadLocal<>();

	@Bean
	static BeanPostProcessor failFastWithinARequest() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof DataSource dataSource && !(bean instanceof FailFast) ? new FailFast(dataSource)
						: bean;
			}
		};
	}

	/**
	 * The application's data source, failing at once after a failure earlier in the
	 * request.
	 */
	static final class FailFast extends DelegatingDataSource {

		FailFast(DataSource target) {
			super(target);
		}

		/**
		 * The pool itself when asked for the data source inside, so that a data source
		 * derived from this one (Flyway's, under its own user) is built like the pool.
		 */
		@Override
		@SuppressWarnings("unchecked")
		public <T> T unwrap(Class<T> iface) throws SQLException {
			return iface == DataSource.class ? (T) obtainTargetDataSource() : super.unwrap(iface);
		}

		@Override
		public Connection getConnection() throws SQLException {
			Boolean seen = UNREACHABLE_IN_THIS_REQUEST.get();
			if (Boolean.TRUE.equals(seen)) {
				throw new SQLTransientConnectionException("the database was unreachable earlier in this request");
			}
			try {
				return super.getConnection();
			}
			catch (SQLException ex) {
				if (seen != null && unreachable(ex)) {
					UNREACHABLE_IN_THIS_REQUEST.set(true);
				}
				throw ex;
			}
		}

	}

	@Bean
	FilterRegistrationBean<AnswerWhileUnreachable> databaseOutageFilter(MessageSource messages,
			LocaleResolver locales) {
		FilterRegistrationBean<AnswerWhileUnreachable> registration = new FilterRegistrationBean<>(
				new AnswerWhileUnreachable(messages, locales));
		registration.setOrder(ORDER);
		return registration;
	}

	/**
	 * Whether a failure means the database cannot be reached (rather than a bad query).
	 */
	static boolean unreachable(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
				return true;
			}
			if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
					&& unreachable(tx.getApplicationException())) {
				// the rollback of a transaction whose connection broke failed too, and
				// hid the cause
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

	static final class AnswerWhileUnreachable extends OncePerRequestFilter {

		private final MessageSource messages;

		private final LocaleResolver locales;

		AnswerWhileUnreachable(MessageSource messages, LocaleResolver locales) {
			this.messages = messages;
			this.locales = locales;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			UNREACHABLE_IN_THIS_REQUEST.set(false);
			try {
				chain.doFilter(request, response);
			}
			catch (IOException | ServletException | RuntimeException ex) {
				if (!unreachable(ex) || response.isCommitted()) {
					throw ex;
				}
				log.warn("The database cannot be reached: answered 503 to {} {} ({})", request.getMethod(),
						request.getRequestURI(), ex.getClass().getSimpleName());
				answer(request, response);
			}
			finally {
				UNREACHABLE_IN_THIS_REQUEST.remove();
			}
		}

		private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
			Locale locale = locales.resolveLocale(request);
			response.setHeader("Retry-After", "30");
			BareAnswer.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, locale,
					messages.getMessage("error.unavailable.title", null, locale),
					messages.getMessage("error.unavailable.text", null, locale));
		}

	}

}
