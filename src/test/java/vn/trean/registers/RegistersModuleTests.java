package vn.trean.registers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.ModuleTest;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.registers.FacilityPolicy.FacilityEntry;
import vn.trean.registers.RegisterCounts.Count;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registers with the modules they depend on (geography, identity, directory): a
 * record entered by a plan reporter of the commune is counted in the commune's figures.
 * Each test rolls back.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ModuleTest
@Transactional
class RegistersModuleTests {

	@Autowired
	FacilityRegister facilities;

	@Autowired
	RegisterCounts counts;

	@Autowired
	Geography geography;

	@Autowired
	Clock clock;

	@Test
	void countsASchoolEnteredOnTheRegister() {
		LocalDate today = LocalDate.now(clock);
		UnitId caiKhe = geography.unitByCode("31120", today).orElseThrow().id();
		long before = counts.counts(caiKhe, today.getYear()).get(Count.SCHOOLS);
		Actor reporter = Actor.of(new CurrentUser(0, "registers-module-test", "Người báo cáo thử",
				Set.of(Role.PLAN_REPORTER), caiKhe, null), null);

		facilities.add(reporter,
				new FacilityEntry(caiKhe.toString(), FacilityKind.SCHOOL, "Trường Tiểu học Thử", null, List.of()));

		assertThat(counts.counts(caiKhe, today.getYear()).get(Count.SCHOOLS)).isEqualTo(before + 1);
	}

}
