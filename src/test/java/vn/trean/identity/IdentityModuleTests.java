package vn.trean.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import vn.trean.ModuleTest;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Identity with the modules it depends on (geography) and the directory, the only
 * implementation of the agency lookup identity asks for: a commune officer may manage
 * cases in her own commune and is refused in another.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "directory")
@ModuleTest
class IdentityModuleTests {

	@Autowired
	Authorization authorization;

	@Autowired
	Geography geography;

	@Autowired
	Clock clock;

	@Test
	void letsACommuneOfficerManageCasesOnlyInHerOwnCommune() {
		LocalDate today = LocalDate.now(clock);
		UnitId caiKhe = geography.unitByCode("31120", today).orElseThrow().id();
		UnitId neighbour = geography.unitsUnder(geography.unitByCode("92", today).orElseThrow().id(), today)
			.stream()
			.map(AdministrativeUnit::id)
			.filter(id -> !id.equals(caiKhe))
			.findFirst()
			.orElseThrow();
		CurrentUser officer = new CurrentUser(0, "identity-module-test", "Cán bộ thử", Set.of(Role.COMMUNE_OFFICER),
				caiKhe, null);

		assertThatCode(() -> authorization.require(officer, Action.MANAGE_CASES, ResourceScope.at(caiKhe)))
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> authorization.require(officer, Action.MANAGE_CASES, ResourceScope.at(neighbour)))
			.isInstanceOf(AccessRefused.class);
	}

}
