package vn.trean.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.trean.shared.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@ParameterizedTest
	@CsvSource({ "short-pass1, password.too-short", "password1234, password.common", "Password1234, password.common",
			"P@ssw0rd1234, password.common", "matkhau123456, password.common", "aaaaaaaaaaaa, password.common",
			"abababababab, password.too-simple", "xx-nguyenvana-2026, password.contains-username" })
	void refusesWeakPasswordsWithTheReason(String password, String reason) {
		assertThat(PasswordPolicy.check(password, "nguyenvana").errors().asMap())
			.containsExactly(Map.entry(Verdict.GENERAL, reason));
	}

	@Test
	void refusesOverLongPasswords() {
		assertThat(PasswordPolicy.check("Ab1-".repeat(33), "user").reason()).isEqualTo("password.too-long");
	}

	@Test
	void acceptsALongUncommonPassword() {
		assertThat(PasswordPolicy.check("Cầu Cái Răng mưa chiều 7", "nguyenvana").allowed()).isTrue();
		assertThat(PasswordPolicy.check("correct-horse-battery", "nguyenvana").allowed()).isTrue();
	}

	@Test
	void countsCharactersNotBytes() {
		assertThat(PasswordPolicy.check("Đường Hòa Tú", "x").allowed()).isTrue();
	}

}
