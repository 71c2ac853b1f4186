package vn.trean.children;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.ModuleTest;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.shared.FormErrors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The child registry with the modules it depends on (geography, and identity with the
 * directory that tells it agencies): a child is stored and found again, and her residence
 * must be a unit that exists today. Each test rolls back.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "directory")
@ModuleTest
@Transactional
class ChildrenModuleTests {

	@Autowired
	ChildRegistry registry;

	@Autowired
	Geography geography;

	private UnitId unit(String code, LocalDate on) {
		return geography.unitByCode(code, on).orElseThrow().id();
	}

	private static ChildDetails child(String name, UnitId residence) {
		return new ChildDetails(name, Sex.FEMALE, LocalDate.of(2017, 3, 4), null, null, residence, null, null, null);
	}

	@Test
	void findsARegisteredChildByHerReference() {
		ChildId id = registry.register(child("Phạm Thị Lan", unit("31120", LocalDate.of(2025, 7, 1))), false);

		Child stored = registry.find(id).orElseThrow();
		assertThat(registry.find(stored.reference())).map(Child::id).contains(id);
		assertThat(stored.fullName()).isEqualTo("Phạm Thị Lan");
	}

	@Test
	void refusesAResidenceInACommuneThatNoLongerExists() {
		UnitId anHoa = unit("31120", LocalDate.of(2025, 6, 30));

		FormErrors errors = registry.check(child("Phạm Thị Lan", anHoa), "", new FormErrors());

		assertThat(errors.get("residence")).isEqualTo("validation.unit-unknown");
	}

}
