package vn.trean.referrals;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings pages build keys from the enums (a field's sample value, a service's and a
 * purpose's name), which the template scan cannot see: each has words in both languages.
 */
class ReferralSettingsWordsTests {

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_en.properties" })
	void everyFieldServiceAndPurposeHasItsWords(String bundle) throws IOException {
		Properties words = new Properties();
		try (Reader reader = new InputStreamReader(getClass().getResourceAsStream("/" + bundle),
				StandardCharsets.UTF_8)) {
			words.load(reader);
		}
		for (ShareField field : ShareField.values()) {
			assertThat(words).containsKeys(field.key(), "referral.settings.sample." + field);
		}
		for (ReferralService service : ReferralService.values()) {
			assertThat(words).containsKey(service.key());
		}
		for (SharingPurpose purpose : SharingPurpose.values()) {
			assertThat(words).containsKey(purpose.key());
		}
	}

}
