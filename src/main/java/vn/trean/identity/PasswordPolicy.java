package vn.trean.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

import vn.trean.shared.Verdict;
import vn.trean.shared.VietnameseText;

/**
 * What a password must be: 12 to 128 characters, not a commonly used password, not built
 * from the username, and not one character repeated. A refusal concerns the password as a
 * whole ({@link Verdict#GENERAL}); its reason is a message key the caller files under its
 * own field.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	static Verdict<Void> check(String password, String username) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Verdict.refuse(Verdict.GENERAL, "password.too-short");
		}
		if (password.length() > MAX_LENGTH) {
			return Verdict.refuse(Verdict.GENERAL, "password.too-long");
		}
		String folded = VietnameseText.fold(password).replace(" ", "");
		if (COMMON.contains(folded) || COMMON.contains(folded.replaceAll("[^a-z0-9]", ""))) {
			return Verdict.refuse(Verdict.GENERAL, "password.common");
		}
		if (username != null && !username.isBlank() && folded.contains(VietnameseText.fold(username))) {
			return Verdict.refuse(Verdict.GENERAL, "password.contains-username");
		}
		if (password.chars().distinct().count() < 4) {
			return Verdict.refuse(Verdict.GENERAL, "password.too-simple");
		}
		return Verdict.allow(null);
	}

	private static Set<String> load() {
		try (InputStream in = new ClassPathResource("identity/common-passwords.txt").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> VietnameseText.fold(line).replace(" ", ""))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The common-password list is missing", ex);
		}
	}

}
