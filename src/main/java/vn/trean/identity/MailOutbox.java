package vn.trean.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notice e-mails on their way: {@link #queue} stores a message in the caller's
 * transaction (nothing is queued for a notice that rolled back), and a timer, on one
 * instance of the cluster at a time, hands the due messages to the mail server. A message
 * the server refused or could not take (it is down) is tried again after a delay that
 * doubles each time, from {@code trean.notices.retry-first-delay} up to
 * {@code trean.notices.retry-max-delay}, and given up (logged as an error) after
 * {@code trean.notices.max-attempts}.
 *
 * <p>
 * An outbox table polled by a cluster-once timer rather than Modulith's persisted event
 * publications retried on restart: the delay, the attempts and the message that failed
 * are visible in one row each, a retry happens without restarting, and the message key
 * (the notice and its recipient, unique in the table) makes a notice queued twice one
 * message. Each message is claimed in a transaction of its own before it is sent (its
 * attempt counted, its next attempt moved on), so two senders never take the same one; it
 * carries a Message-ID derived from its key, so should the server take it and the
 * instance stop before marking it sent, the copy sent again is recognisable as the same
 * message.
 */
@Component
class MailOutbox {

	private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

	/** How many messages one turn of the timer sends at most. */
	private static final int BATCH = 100;

	private static final Duration KEPT = Duration.ofDays(7);

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mail;

	private final TransactionTemplate transactions;

	private final Notices.Settings settings;

	private final Clock clock;

	MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, TransactionTemplate transactions,
			Notices.Settings settings, Clock clock) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	/** Whether a mail server is configured: without one nothing is queued. */
	boolean enabled() {
		return mail.getIfAvailable() != null;
	}

	/** One message to send. */
	record Message(long id, String key, String to, String subject, String body, int attempt) {
	}

	/**
	 * Queues a message under its key, in the caller's transaction; a key already queued
	 * (or sent) is left as it is. Returns whether it was new.
	 */
	boolean queue(String key, long userId, String to, String subject, String body) {
		Timestamp now = Timestamp.from(clock.instant());
		return jdbc.sql("""
				INSERT INTO mail_outbox (message_key, user_id, recipient, subject, body, created_at, next_attempt_at)
				VALUES (:key, :user, :to, :subject, :body, :now, :now) ON CONFLICT (message_key) DO NOTHING""")
			.param("key", key)
			.param("user", userId)
			.param("to", to)
			.param("subject", subject)
			.param("body", body)
			.param("now", now)
			.update() == 1;
	}

	@Scheduled(fixedDelayString = "${trean.notices.outbox-interval:5s}",
			initialDelayString = "${trean.notices.outbox-interval:5s}")
	@SchedulerLock(name = "mail_outbox")
	public void onTimer() {
		sendDue();
	}

	/**
	 * Sends the due messages, one after another; stops at the first failure (the server
	 * is most likely down: the others wait for the next turn). Returns how many were
	 * sent.
	 */
	int sendDue() {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		for (Optional<Message> next = claimNext(); next
			.isPresent(); next = sent < BATCH ? claimNext() : Optional.empty()) {
			if (!send(sender, next.get())) {
				break;
			}
			sent++;
		}
		return sent;
	}

	@Scheduled(fixedDelayString = "1h", initialDelayString = "10m")
	@SchedulerLock(name = "mail_outbox_cleanup")
	public void cleanup() {
		jdbc.sql(
				"DELETE FROM mail_outbox WHERE (sent_at IS NOT NULL OR given_up_at IS NOT NULL) AND created_at < :before")
			.param("before", Timestamp.from(clock.instant().minus(KEPT)))
			.update();
	}

	/**
	 * The next due message, its attempt counted and its next attempt moved on
	 * (committed).
	 */
	private Optional<Message> claimNext() {
		Instant now = clock.instant();
		return transactions.execute(status -> jdbc.sql("""
				UPDATE mail_outbox SET attempts = attempts + 1,
				  next_attempt_at = CAST(:now AS timestamptz)
				    + make_interval(secs => LEAST(:max, :first * power(2, LEAST(attempts, 30))))
				WHERE id = (SELECT id FROM mail_outbox WHERE sent_at IS NULL AND given_up_at IS NULL
				  AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
				RETURNING id, message_key, recipient, subject, body, attempts""")
			.param("now", Timestamp.from(now))
			.param("first", settings.retryFirstDelay().toMillis() / 1000.0)
			.param("max", settings.retryMaxDelay().toMillis() / 1000.0)
			.query((rs, n) -> new Message(rs.getLong("id"), rs.getString("message_key"), rs.getString("recipient"),
					rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
			.optional());
	}

	private boolean send(JavaMailSender sender, Message message) {
		try {
			sender.send(mime(sender, message));
		}
		catch (MailException | MessagingException ex) {
			failed(message, ex);
			return false;
		}
		jdbc.sql("UPDATE mail_outbox SET sent_at = :now, last_error = NULL WHERE id = :id")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", message.id())
			.update();
		return true;
	}

	private MimeMessage mime(JavaMailSender sender, Message message) throws MessagingException {
		MimeMessage mime = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime);
		helper.setFrom(settings.mailFrom());
		helper.setTo(message.to());
		helper.setSubject(message.subject());
		helper.setText(message.body());
		// kept by the sender in place of a random one
		mime.setHeader("Message-ID", messageId(message.key()));
		return mime;
	}

	private void failed(Message message, Exception ex) {
		String error = String.valueOf(ex.getMessage());
		boolean givenUp = message.attempt() >= settings.maxAttempts();
		jdbc.sql(
				"""
						UPDATE mail_outbox SET last_error = :error, given_up_at = CASE WHEN CAST(:givenUp AS boolean) THEN CAST(:now AS timestamptz) END
						WHERE id = :id""")
			.param("error", error.length() > 500 ? error.substring(0, 500) : error)
			.param("givenUp", givenUp)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", message.id())
			.update();
		if (givenUp) {
			LOG.error("Gave up e-mailing notice {} after {} attempts: {}", message.id(), message.attempt(), error);
		}
		else {
			LOG.warn("Could not e-mail notice {} (attempt {}), will try again: {}", message.id(), message.attempt(),
					error);
		}
	}

	/** A Message-ID the same for every attempt of one message, and telling nothing. */
	private String messageId(String key) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			String from = settings.mailFrom();
			String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replace(">", "") : "tre-an";
			return "<notice." + HexFormat.of().formatHex(hash, 0, 16) + "@" + domain + ">";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
