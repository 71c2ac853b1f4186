package vn.trean.identity;

import java.time.Duration;
import java.util.Collection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * E-mails users a notice that carries only a link into the application, never a name or a
 * detail. Queues nothing when SMTP is not configured or the user has no address. The
 * message is queued in the caller's transaction and sent by the {@link MailOutbox}, again
 * later while the mail server fails; a failing mail server is never fatal (the notice
 * also exists in the application).
 */
@Component
public class Notices {

	private final UserAccountRepository accounts;

	private final MailOutbox outbox;

	private final Settings settings;

	Notices(UserAccountRepository accounts, MailOutbox outbox, Settings settings) {
		this.accounts = accounts;
		this.outbox = outbox;
		this.settings = settings;
	}

	/**
	 * Notice settings.
	 *
	 * @param publicBaseUrl the address links in e-mails start with
	 * @param mailFrom the sender of notice e-mails
	 * @param retryFirstDelay how long a message the mail server did not take waits before
	 * it is tried again; each further failure doubles the wait
	 * @param retryMaxDelay the longest wait between two attempts of one message
	 * @param maxAttempts the attempts after which a message is given up (logged as an
	 * error)
	 */
	@ConfigurationProperties("trean.notices")
	record Settings(@DefaultValue("http://localhost:8080") String publicBaseUrl,
			@DefaultValue("tre-an@localhost") String mailFrom, @DefaultValue("1m") Duration retryFirstDelay,
			@DefaultValue("1h") Duration retryMaxDelay, @DefaultValue("48") int maxAttempts) {
	}

	/**
	 * Mails each user (by id) the subject and a link to the path. The notice key names
	 * the occasion (the same for every delivery of one event, such as
	 * {@code report:<id>}): a user gets one message per key, however often it is queued.
	 */
	public void mailLink(String noticeKey, Collection<Long> userIds, String subject, String text, String path) {
		if (!outbox.enabled()) {
			return;
		}
		for (long userId : userIds) {
			String email = accounts.find(userId).map(UserAccount::email).orElse(null);
			if (email == null || email.isBlank()) {
				continue;
			}
			outbox.queue(noticeKey + ":" + userId, userId, email, subject,
					text + "\n\n" + settings.publicBaseUrl() + path + "\n");
		}
	}

}
