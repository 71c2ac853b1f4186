package vn.trean.cases;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trean.geography.UnitId;
import vn.trean.intake.Urgency;
import vn.trean.shared.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a case list's parameters: every value kept for the paging links, defaults for
 * the order, search text normalised, each wrong value refused by its own field.
 */
class CaseListFilterTests {

	private static final List<Long> OFFICERS = List.of(7L);

	private static final List<UnitId> COMMUNES = List.of(new UnitId(33));

	@Test
	void thePagingLinksKeepTheSearchTheFiltersAndTheOrder() {
		CaseListFilter filter = read(new CaseListFilter.Params("  Thủy   Tiên ", "planning", "EMERGENCY", "PLAN", "7",
				"33", "2026-01-01", "2026-01-31", "child", "desc", "2"))
			.value();

		assertThat(filter.q()).isEqualTo("Thủy Tiên");
		assertThat(filter.state()).isEqualTo(ProtectionCase.Status.PLANNING);
		assertThat(filter.urgency()).isEqualTo(Urgency.EMERGENCY);
		assertThat(filter.to()).isEqualTo(LocalDate.of(2026, 1, 31));
		assertThat(filter.onPage(3).link("/cases/all"))
			.isEqualTo("/cases/all?q=Th%E1%BB%A7y+Ti%C3%AAn&state=PLANNING&urgency=EMERGENCY&step=PLAN&officer=7"
					+ "&commune=33&from=2026-01-01&to=2026-01-31&sort=child&dir=desc&page=3");
	}

	@Test
	void ordersByTheNextDeadlineFirstAndTheNewestOpenedWhenOrderedByOpening() {
		CaseListFilter none = read(empty(null, null, null)).value();
		CaseListFilter opened = read(empty(null, "opened", null)).value();

		assertThat(none.sort()).isEqualTo(CaseListFilter.Sort.DEADLINE);
		assertThat(none.ascending()).isTrue();
		assertThat(none.onPage(0).link("/cases")).isEqualTo("/cases?sort=deadline&dir=asc");
		assertThat(opened.ascending()).isFalse();
		assertThat(read(empty(null, "opened", "asc")).value().ascending()).isTrue();
	}

	@Test
	void refusesEachWrongValueByItsField() {
		Verdict<CaseListFilter> refused = read(new CaseListFilter.Params("x", "FOO", "soon", "lunch", "8", "34",
				"2026-13-01", "01/02/2026", "mood", "up", "-1"));

		assertThat(refused.allowed()).isFalse();
		assertThat(refused.errors().asMap()).containsEntry("q", "cases.search.too-short")
			.containsEntry("state", "cases.filter.unknown")
			.containsEntry("urgency", "cases.filter.unknown")
			.containsEntry("step", "cases.filter.unknown")
			.containsEntry("officer", "cases.filter.officer-outside")
			.containsEntry("commune", "cases.filter.commune-outside")
			.containsEntry("from", "cases.filter.date")
			.containsEntry("to", "cases.filter.date")
			.containsEntry("sort", "cases.filter.unknown")
			.containsEntry("dir", "cases.filter.unknown")
			.containsEntry("page", "cases.filter.unknown");
		assertThat(read(empty("%_", null, null)).errors().asMap()).containsEntry("q", "cases.search.wildcards");
		assertThat(read(empty("50%", null, null)).value().q()).isEqualTo("50%");
	}

	private static CaseListFilter.Params empty(String q, String sort, String dir) {
		return new CaseListFilter.Params(q, null, null, null, null, null, null, null, sort, dir, null);
	}

	private static Verdict<CaseListFilter> read(CaseListFilter.Params params) {
		return CaseListFilter.read(params, OFFICERS, COMMUNES);
	}

}
