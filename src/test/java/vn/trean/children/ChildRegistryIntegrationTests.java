package vn.trean.children;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.shared.FormErrors;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ChildRegistryIntegrationTests {

	@Autowired
	ChildRegistry registry;

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	private ChildDetails child(String name, LocalDate born, String pid, String unitCode, String parent) {
		return new ChildDetails(name, Sex.FEMALE, born, null, pid, unitCode == null ? null : testUnits.id(unitCode),
				null, null, parent);
	}

	@Test
	void findsTheSameChildWhateverTheSpellingFormOrCase() {
		String family = "Trịnh" + (System.nanoTime() % 100000);
		ChildId thuy = registry.register(child(family + " Thị Thủy", LocalDate.of(2017, 3, 4), null, "31120", null),
				false);
		Set<UnitId> province = geography.unitsWithin(testUnits.canTho());
		for (String typed : List.of(family.toUpperCase() + " THI THUY", family + " Thị Thuỷ",
				Normalizer.normalize(family + " Thị Thủy", Normalizer.Form.NFD))) {
			List<ChildMatch> matches = registry
				.likelyMatches(child(typed, LocalDate.of(2017, 3, 4), null, "31120", null), province, 5);
			assertThat(matches).as(typed).isNotEmpty();
			assertThat(matches.get(0).child().id()).isEqualTo(thuy);
			assertThat(matches.get(0).reasons()).contains("child.match.name", "child.match.birth-date",
					"child.match.commune");
		}
		assertThat(registry.searchByName(family.toLowerCase() + " thi thuy", province, 5)).extracting(Child::id)
			.contains(thuy);
	}

	@Test
	void searchByNameFindsEveryStoredSpellingWhateverIsTyped() {
		String family = "Nguyễn" + (System.nanoTime() % 100000);
		ChildId composed = registry.register(child(family + " Thị Thủy", LocalDate.of(2016, 1, 1), null, "31120", null),
				false);
		ChildId otherPlacement = registry
			.register(child(family + " Thị Thuỷ", LocalDate.of(2017, 1, 1), null, "31120", null), false);
		ChildId decomposed = registry.register(child(Normalizer.normalize(family + " Thị Thủy", Normalizer.Form.NFD),
				LocalDate.of(2018, 1, 1), null, "31120", null), false);
		Set<UnitId> province = geography.unitsWithin(testUnits.canTho());
		String bare = bare(family);

		for (String typed : List.of(bare + " thi thuy", (family + " THỊ THUỶ").toUpperCase(),
				Normalizer.normalize(family + " Thị Thuỷ", Normalizer.Form.NFD), family + " Thị Thủy")) {
			assertThat(registry.searchByName(typed, province, 10)).as(typed)
				.extracting(Child::id)
				.containsExactlyInAnyOrder(composed, otherPlacement, decomposed);
		}
	}

	/** A name typed without its marks, as on a phone without a Vietnamese keyboard. */
	private static String bare(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd');
	}

	@Test
	void ranksASameIdentificationNumberFirstAndSaysWhy() {
		String pid = "092316" + String.format("%06d", System.nanoTime() % 1_000_000);
		ChildId registered = registry.register(child("Lê Thị Hoa", LocalDate.of(2016, 5, 1), pid, "31135", null),
				false);
		List<ChildMatch> matches = registry.likelyMatches(child("Le Hoa", LocalDate.of(2016, 5, 1), pid, null, null),
				Set.of(), 5);
		assertThat(matches.get(0).child().id()).isEqualTo(registered);
		assertThat(matches.get(0).score()).isGreaterThanOrEqualTo(100);
		assertThat(matches.get(0).reasons()).contains("child.match.personal-id");
	}

	@Test
	void matchesAGivenNameWithANearBirthYearAndTheSameParent() {
		String given = "Ngân" + (char) ('a' + System.nanoTime() % 26) + (System.nanoTime() % 1000);
		ChildId registered = registry
			.register(child("Phạm Thị " + given, LocalDate.of(2015, 1, 1), null, "31120", "Phạm Văn Bình"), false);
		List<ChildMatch> matches = registry.likelyMatches(
				new ChildDetails("Pham " + given, Sex.FEMALE, null, 10, null, null, null, null, "PHAM VAN BINH"),
				Set.of(), 5);
		assertThat(matches).extracting(m -> m.child().id()).contains(registered);
		assertThat(matches.get(0).reasons()).contains("child.match.given-name", "child.match.parent");
	}

	@Test
	void proposesNothingForADifferentChild() {
		assertThat(registry.likelyMatches(
				child("Người Không Tồn Tại Xyz" + System.nanoTime(), LocalDate.of(2012, 1, 1), null, null, null),
				Set.of(), 5))
			.isEmpty();
	}

	@Test
	void refusesAFutureBirthDateAPersonOfSixteenAndAnInconsistentNumber() {
		LocalDate today = geography.today();
		FormErrors future = registry.check(child("A B", today.plusDays(1), null, null, null), "", new FormErrors());
		assertThat(future.get("birthDate")).isEqualTo("child.birth-date.future");
		FormErrors sixteen = registry.check(child("A B", today.minusYears(16), null, null, null), "", new FormErrors());
		assertThat(sixteen.get("birthDate")).isEqualTo("child.too-old");
		FormErrors boyNumber = registry.check(child("A B", LocalDate.of(2016, 1, 1), "092216123456", null, null), "",
				new FormErrors());
		assertThat(boyNumber.get("personalId")).isEqualTo("child.pid.sex");
		FormErrors fifteen = registry.check(child("A B", today.minusYears(16).plusDays(1), null, null, null), "",
				new FormErrors());
		assertThat(fifteen.hasErrors()).isFalse();
	}

}
