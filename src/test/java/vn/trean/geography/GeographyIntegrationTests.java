package vn.trean.geography;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class GeographyIntegrationTests {

	private static final LocalDate BEFORE_REFORM = LocalDate.of(2025, 6, 30);

	private static final LocalDate AFTER_REFORM = LocalDate.of(2025, 7, 1);

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	private AdministrativeUnit unit(String code, LocalDate on) {
		return testUnits.unit(code, on);
	}

	@Test
	void loadsTheThirtyFourProvincesAndCanThosHundredAndThreeCommunes() {
		assertThat(geography.provinces(AFTER_REFORM)).hasSize(34);
		AdministrativeUnit canTho = unit("92", AFTER_REFORM);
		List<AdministrativeUnit> communes = geography.unitsUnder(canTho.id(), geography.today());
		assertThat(communes).hasSize(103);
		assertThat(communes.stream().filter(u -> u.unitType().equals("phuong"))).hasSize(31);
		assertThat(communes.stream().filter(u -> u.unitType().equals("xa"))).hasSize(72);
	}

	@Test
	void keepsTheOldThreeLevelHierarchyBeforeTheReform() {
		List<AdministrativeUnit> oldProvinces = geography.provinces(BEFORE_REFORM);
		assertThat(oldProvinces).extracting(AdministrativeUnit::code).containsExactlyInAnyOrder("92", "93", "94");
		AdministrativeUnit oldCanTho = unit("92", BEFORE_REFORM);
		assertThat(oldCanTho.validTo()).isEqualTo(BEFORE_REFORM);
		assertThat(geography.unitsUnder(oldCanTho.id(), BEFORE_REFORM)).hasSize(9);
		AdministrativeUnit ninhKieuDistrict = unit("916", BEFORE_REFORM);
		assertThat(ninhKieuDistrict.level()).isEqualTo(AdministrativeUnit.Level.DISTRICT);
		assertThat(geography.unitsUnder(ninhKieuDistrict.id(), LocalDate.of(2024, 10, 31))).hasSize(11);
		assertThat(geography.unitsUnder(ninhKieuDistrict.id(), BEFORE_REFORM)).hasSize(8);
		assertThat(jdbc.sql("SELECT count(*) FROM administrative_unit WHERE level = 'COMMUNE' AND valid_to IS NOT NULL")
			.query(Long.class)
			.single()).isEqualTo(267);
	}

	@Test
	void resolvesAReusedCodeByDate() {
		assertThat(unit("31120", BEFORE_REFORM).fullName()).isEqualTo("Phường An Hòa");
		assertThat(unit("31120", AFTER_REFORM).fullName()).isEqualTo("Phường Cái Khế");
		assertThat(geography.unitByCode("31126", LocalDate.of(2024, 12, 1))).isEmpty();
		assertThat(geography.unitByCode("31126", LocalDate.of(2024, 10, 31))).isPresent();
	}

	@Test
	void refusesASecondUnitWithTheSameCodeInAnOverlappingPeriod() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO administrative_unit (code, level, unit_type, unit_type_label, name, full_name, search_key,
				  valid_from) VALUES ('31120', 'COMMUNE', 'xa', 'Xã', 'Trùng', 'Xã Trùng', 'xa trung', '2026-01-01')""")
			.update()).hasMessageContaining("overlapping period");
	}

	@Test
	void mapsAWholeMergerToTheNewCommune() {
		AdministrativeUnit anHoa = unit("31120", BEFORE_REFORM);
		Successors successors = geography.successorsOf(anHoa.id());
		assertThat(successors.needsReview()).isFalse();
		assertThat(successors.successions()).singleElement()
			.satisfies(s -> assertThat(s.successor().fullName()).isEqualTo("Phường Cái Khế"));
		assertThat(geography.currentUnitsFor(anHoa.id()).single()).map(AdministrativeUnit::code).hasValue("31120");
	}

	@Test
	void flagsASplitWardForReviewInsteadOfGuessing() {
		AdministrativeUnit buiHuuNghia = unit("31178", BEFORE_REFORM);
		Successors successors = geography.successorsOf(buiHuuNghia.id());
		assertThat(successors.needsReview()).isTrue();
		assertThat(successors.successions()).extracting(s -> s.successor().code())
			.containsExactlyInAnyOrder("31120", "31168");
		CurrentUnits current = geography.currentUnitsFor(buiHuuNghia.id());
		assertThat(current.needsReview()).isTrue();
		assertThat(current.single()).isEmpty();
		assertThat(current.units()).hasSize(2);
		assertThat(jdbc.sql("SELECT count(*) FROM administrative_unit_succession WHERE kind = 'PARTIAL'")
			.query(Long.class)
			.single()).isEqualTo(6);
	}

	@Test
	void followsA2024RetirementAndThe2025MergerToTodaysCommune() {
		AdministrativeUnit anCu = unit("31129", LocalDate.of(2024, 10, 31));
		assertThat(anCu.validTo()).isEqualTo(LocalDate.of(2024, 10, 31));
		assertThat(geography.successorsOf(anCu.id()).successions()).singleElement()
			.satisfies(s -> assertThat(s.successor().code()).isEqualTo("31123"));
		assertThat(geography.currentUnitsFor(anCu.id()).single()).map(AdministrativeUnit::fullName)
			.hasValue("Phường Ninh Kiều");
	}

	@Test
	void answersTheUnitsUnderAUnitAndWhetherOneLiesWithinAnother() {
		AdministrativeUnit canTho = unit("92", AFTER_REFORM);
		AdministrativeUnit caiKhe = unit("31120", AFTER_REFORM);
		AdministrativeUnit haNoi = unit("01", AFTER_REFORM);
		assertThat(geography.contains(canTho.id(), caiKhe.id())).isTrue();
		assertThat(geography.contains(caiKhe.id(), caiKhe.id())).isTrue();
		assertThat(geography.contains(caiKhe.id(), canTho.id())).isFalse();
		assertThat(geography.contains(haNoi.id(), caiKhe.id())).isFalse();
		assertThat(geography.ancestors(caiKhe.id())).extracting(AdministrativeUnit::code).containsExactly("92");
		assertThat(geography.provinceOf(caiKhe.id())).isEqualTo(canTho.id());
		assertThat(geography.provinceOf(canTho.id())).isEqualTo(canTho.id());
		assertThat(geography.provinceOf(unit("31117", BEFORE_REFORM).id())).isEqualTo(unit("92", BEFORE_REFORM).id());
	}

	@Test
	void findsUnitsWithoutDiacriticsInAnyCaseAndEitherToneMarkPlacement() {
		assertThat(geography.search("hoa tu", geography.today(), 10)).extracting(AdministrativeUnit::fullName)
			.contains("Xã Hòa Tú");
		List<String> thuy = geography.search("THUY", null, 50).stream().map(AdministrativeUnit::fullName).toList();
		assertThat(thuy).contains("Phường Bình Thủy", "Quận Bình Thuỷ");
		assertThat(geography.search("Bình Thuỷ", geography.today(), 10)).extracting(AdministrativeUnit::fullName)
			.contains("Phường Bình Thủy");
		assertThat(geography.search(Normalizer.normalize("Hòa Tú", Normalizer.Form.NFD), geography.today(), 10))
			.extracting(AdministrativeUnit::code)
			.contains("31717");
	}

	@Test
	void treatsLikeWildcardsInASearchAsText() {
		assertThat(geography.search("%", geography.today(), 10)).isEmpty();
		assertThat(geography.search("_", geography.today(), 10)).isEmpty();
	}

}
