package vn.trean.identity;

import java.util.Collection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mails users a notice that carries only a link into the application, never a name or a
 * detail. Sends nothing when SMTP is not configured or the user has no address; a failing
 * mail server is logged, never fatal (the notice also exists in the application).
 */
@Component
public class Notices {

	private static final Logger log = LoggerFactory.getLogger(Notices.class);

	private final UserAccountRepository accounts;

	private final ObjectProvider<JavaMailSender> mail;

	private final Settings settings;

	Notices(UserAccountRepository accounts, ObjectProvider<JavaMailSender> mail, Settings settings) {
		this.accounts = accounts;
		this.mail = mail;
		this.settings = settings;
	}

	/**
	 * Notice settings.
	 *
	 * @param publicBaseUrl the address links in e-mails start with
	 * @param mailFrom the sender of notice e-mails
	 */
	@ConfigurationProperties("trean.notices")
	record Settings(@DefaultValue("http://localhost:8080") String publicBaseUrl,
			@DefaultValue("tre-an@localhost") String mailFrom) {
	}

	/** Mails each user (by id) the subject and a link to the path. */
	public void mailLink(Collection<Long> userIds, String subject, String text, String path) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return;
		}
		for (long userId : userIds) {
			String email = accounts.find(userId).map(UserAccount::email).orElse(null);
			if (email == null || email.isBlank()) {
				continue;
			}
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(settings.mailFrom());
			message.setTo(email);
			message.setSubject(subject);
			message.setText(text + "\n\n" + settings.publicBaseUrl() + path + "\n");
			try {
				sender.send(message);
			}
			catch (MailException ex) {
				log.warn("Could not e-mail a notice to user {}: {}", userId, ex.getMessage());
			}
		}
	}

}
