package vn.trean.children;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalIdNumberTests {

	@Test
	void readsProvinceCenturySexAndYear() {
		PersonalIdNumber girl2016 = PersonalIdNumber.parse("092 316 123456");
		assertThat(girl2016.value()).isEqualTo("092316123456");
		assertThat(girl2016.sex()).isEqualTo(Sex.FEMALE);
		assertThat(girl2016.birthYear()).isEqualTo(2016);
		PersonalIdNumber boy1999 = PersonalIdNumber.parse("001099000001");
		assertThat(boy1999.sex()).isEqualTo(Sex.MALE);
		assertThat(boy1999.birthYear()).isEqualTo(1999);
		assertThat(girl2016.masked()).isEqualTo("*********456");
	}

	@ParameterizedTest
	@CsvSource({ "09231612345, child.pid.format", "0923161234567, child.pid.format", "09231612345a, child.pid.format",
			"003316123456, child.pid.province", "099316123456, child.pid.province", "092716123456, child.pid.century" })
	void refusesMalformedNumbers(String number, String reason) {
		assertThatThrownBy(() -> PersonalIdNumber.parse(number)).isInstanceOf(InvalidPersonalIdNumber.class)
			.extracting(ex -> ((InvalidPersonalIdNumber) ex).messageKey())
			.isEqualTo(reason);
	}

	@Test
	void checksTheNumberAgainstTheChildsSexAndBirthYear() {
		PersonalIdNumber girl2016 = PersonalIdNumber.parse("092316123456");
		assertThat(girl2016.consistentWith(Sex.FEMALE, 2016)).isNull();
		assertThat(girl2016.consistentWith(Sex.UNKNOWN, null)).isNull();
		assertThat(girl2016.consistentWith(Sex.MALE, 2016)).isEqualTo("child.pid.sex");
		assertThat(girl2016.consistentWith(Sex.FEMALE, 2015)).isEqualTo("child.pid.year");
	}

	@Test
	void treatsBlankAsUnknown() {
		assertThat(PersonalIdNumber.parse("  ")).isNull();
		assertThat(PersonalIdNumber.parse(null)).isNull();
	}

}
