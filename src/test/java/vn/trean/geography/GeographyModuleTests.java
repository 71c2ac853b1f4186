package vn.trean.geography;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import vn.trean.ModuleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The geography module on its own (with the shared module): it loads its reference data
 * and answers from it without any other module.
 */
@ApplicationModuleTest(mode = BootstrapMode.STANDALONE)
@ModuleTest
class GeographyModuleTests {

	private static final LocalDate BEFORE_REFORM = LocalDate.of(2025, 6, 30);

	private static final LocalDate AFTER_REFORM = LocalDate.of(2025, 7, 1);

	@Autowired
	Geography geography;

	@Test
	void resolvesAReusedCodeToTheUnitThatHeldItOnTheDate() {
		assertThat(geography.unitByCode("31120", BEFORE_REFORM).orElseThrow().fullName()).isEqualTo("Phường An Hòa");
		assertThat(geography.unitByCode("31120", AFTER_REFORM).orElseThrow().fullName()).isEqualTo("Phường Cái Khế");
	}

	@Test
	void mapsAMergedCommuneToItsSuccessor() {
		AdministrativeUnit anHoa = geography.unitByCode("31120", BEFORE_REFORM).orElseThrow();

		assertThat(geography.successorsOf(anHoa.id()).successions()).singleElement()
			.satisfies(s -> assertThat(s.successor().fullName()).isEqualTo("Phường Cái Khế"));
	}

}
