package vn.trean.geography;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.geography.UnitHistory.View;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A province's history on the real reference data of Cần Thơ (docs/domain.md §6): old
 * communes merged whole count for today's commune, through two reforms where there were
 * two; a split ward and an old district are groups to review; by old districts, a commune
 * of today made from one district's wards counts for it, one made from two districts' is
 * to review.
 */
@IntegrationTest
class UnitHistoryIntegrationTests {

	private static final LocalDate BEFORE_2025 = LocalDate.of(2025, 6, 30);

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	private UnitId id(String code, LocalDate on) {
		return testUnits.id(code, on);
	}

	private UnitId today(String code) {
		return id(code, geography.today());
	}

	@Test
	void oldCommunesMergedWholeCountForTodaysCommuneAndSplitOnesAreToReview() {
		UnitId canTho = today("92");
		UnitHistory history = geography.history(canTho);
		assertThat(history.communes()).hasSize(103);
		UnitId caiKhe = today("31120");
		UnitId ninhKieu = today("31135");
		UnitId binhThuy = today("31168");
		UnitId anHoa = id("31120", BEFORE_2025);
		UnitId oldCaiKhe = id("31117", BEFORE_2025);
		UnitId anNghiep = id("31126", LocalDate.of(2024, 10, 1));
		UnitId buiHuuNghia = id("31178", BEFORE_2025);
		UnitId quanNinhKieu = id("916", BEFORE_2025);
		UnitId quanBinhThuy = id("918", BEFORE_2025);

		var byCommune = history.groups(View.CURRENT_COMMUNES);
		assertThat(byCommune.get(anHoa)).isEqualTo(caiKhe);
		assertThat(byCommune.get(oldCaiKhe)).isEqualTo(caiKhe);
		// retired in 2024 into Thới Bình, which went into Ninh Kiều in 2025
		assertThat(byCommune.get(anNghiep)).isEqualTo(ninhKieu);
		assertThat(byCommune.get(caiKhe)).isEqualTo(caiKhe);
		assertThat(byCommune.get(canTho)).isNull();
		// split between Cái Khế and Bình Thủy: never guessed
		assertThat(byCommune.get(buiHuuNghia)).isEqualTo(buiHuuNghia);
		assertThat(history.candidates().get(buiHuuNghia)).containsExactlyInAnyOrder(caiKhe, binhThuy);
		assertThat(byCommune.get(quanNinhKieu)).isEqualTo(quanNinhKieu);
		assertThat(history.toReview(View.CURRENT_COMMUNES)).contains(buiHuuNghia, quanNinhKieu)
			.doesNotContain(anHoa, caiKhe);
		assertThat(history.unitsOf(caiKhe, View.CURRENT_COMMUNES)).contains(caiKhe, anHoa, oldCaiKhe)
			.doesNotContain(buiHuuNghia, ninhKieu);
		assertThat(geography.unitsCountedFor(caiKhe)).contains(anHoa, oldCaiKhe).doesNotContain(buiHuuNghia);
		assertThat(geography.unitsCountedFor(canTho)).contains(anHoa, buiHuuNghia, quanNinhKieu, anNghiep, caiKhe);
		// the old provinces merged into today's Cần Thơ (Hậu Giang, Sóc Trăng) are part
		// of
		// its history
		assertThat(history.oldDistricts()).hasSize(28)
			.extracting(AdministrativeUnit::code)
			.contains("916", "930", "951");
	}

	@Test
	void byOldDistrictsTodaysCommuneCountsForTheOneDistrictItWasMadeFrom() {
		UnitHistory history = geography.history(today("92"));
		UnitId caiKhe = today("31120");
		UnitId ninhKieu = today("31135");
		UnitId quanNinhKieu = id("916", BEFORE_2025);
		UnitId quanBinhThuy = id("918", BEFORE_2025);
		var byDistrict = history.groups(View.OLD_DISTRICTS);
		assertThat(byDistrict.get(id("31120", BEFORE_2025))).isEqualTo(quanNinhKieu);
		assertThat(byDistrict.get(id("31178", BEFORE_2025))).isEqualTo(quanBinhThuy);
		assertThat(byDistrict.get(quanNinhKieu)).isEqualTo(quanNinhKieu);
		// Ninh Kiều was made from wards of Quận Ninh Kiều only
		assertThat(byDistrict.get(ninhKieu)).isEqualTo(quanNinhKieu);
		// Cái Khế also took part of Bùi Hữu Nghĩa, a ward of Quận Bình Thuỷ
		assertThat(byDistrict.get(caiKhe)).isEqualTo(caiKhe);
		assertThat(history.candidates().get(caiKhe)).containsExactlyInAnyOrder(quanNinhKieu, quanBinhThuy);
		assertThat(history.toReview(View.OLD_DISTRICTS)).contains(caiKhe).doesNotContain(ninhKieu, quanNinhKieu);
		assertThat(history.unitsOf(quanNinhKieu, View.OLD_DISTRICTS)).contains(quanNinhKieu, ninhKieu,
				id("31120", BEFORE_2025));
		assertThat(geography.unitsCountedFor(quanNinhKieu)).contains(ninhKieu, id("31120", BEFORE_2025))
			.doesNotContain(caiKhe);
	}

	@Test
	void anotherProvincesHistoryHoldsNoneOfCanThosUnits() {
		UnitHistory haNoi = geography.history(today("01"));
		assertThat(haNoi.units()).doesNotContain(id("31120", BEFORE_2025), today("31120"), id("916", BEFORE_2025));
	}

}
