package vn.trean.shared;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Figures read as people type them in Vietnamese and in English. */
class NumberInputTests {

	static final Locale VI = Locale.forLanguageTag("vi");

	@Test
	void readsAPointAsGroupingAndACommaAsTheDecimalSeparatorInVietnamese() {
		assertThat(NumberInput.whole("1.200", VI, 12)).hasValue(1200L);
		assertThat(NumberInput.whole("1.234.567", VI, 12)).hasValue(1234567L);
		assertThat(NumberInput.read("1,5", VI, 12, 2)).hasValue(new BigDecimal("1.5"));
		assertThat(NumberInput.read("1.234,56", VI, 12, 2)).hasValue(new BigDecimal("1234.56"));
	}

	@Test
	void readsACommaAsGroupingAndAPointAsTheDecimalSeparatorInEnglish() {
		assertThat(NumberInput.whole("1,200", Locale.ENGLISH, 12)).hasValue(1200L);
		assertThat(NumberInput.read("1,234.5", Locale.ENGLISH, 12, 2)).hasValue(new BigDecimal("1234.5"));
	}

	@Test
	void acceptsSpacesBetweenGroupsAndPlainDigitsInEitherLanguage() {
		assertThat(NumberInput.whole("1 200", VI, 12)).hasValue(1200L);
		assertThat(NumberInput.whole("1\u00A0200", Locale.ENGLISH, 12)).hasValue(1200L);
		assertThat(NumberInput.whole(" 1200 ", VI, 12)).hasValue(1200L);
		assertThat(NumberInput.whole("-3", VI, 12)).hasValue(-3L);
	}

	@Test
	void readsAPointBeforeOneOrTwoDigitsAsDecimalsEvenInVietnamese() {
		assertThat(NumberInput.read("12.5", VI, 12, 2)).hasValue(new BigDecimal("12.5"));
		assertThat(NumberInput.read("12,5", Locale.ENGLISH, 12, 2)).hasValue(new BigDecimal("12.5"));
	}

	@Test
	void refusesAFigureThatReadsTwoWaysOrIsMalformed() {
		assertThat(NumberInput.whole("1,200", VI, 12)).isEmpty();
		assertThat(NumberInput.read("1,200", VI, 12, 2)).isEmpty();
		assertThat(NumberInput.whole("1.200", Locale.ENGLISH, 12)).isEmpty();
		assertThat(NumberInput.whole("1,5", VI, 12)).isEmpty();
		assertThat(NumberInput.whole("12.00.0", VI, 12)).isEmpty();
		assertThat(NumberInput.whole("1.20", VI, 12)).isEmpty();
		assertThat(NumberInput.whole("12abc", VI, 12)).isEmpty();
		assertThat(NumberInput.whole("", VI, 12)).isEmpty();
		assertThat(NumberInput.whole("1.000.000.000", VI, 9)).isEmpty();
		assertThat(NumberInput.read("1,234", VI, 12, 2)).isEmpty();
	}

	@Test
	void readsAProgramsFigureWithoutGrouping() {
		assertThat(NumberInput.read("12.5", null, 12, 2)).hasValue(new BigDecimal("12.5"));
		assertThat(NumberInput.read("12,5", null, 12, 2)).hasValue(new BigDecimal("12.5"));
		assertThat(NumberInput.read("1.200", null, 12, 2)).isEmpty();
	}

}
