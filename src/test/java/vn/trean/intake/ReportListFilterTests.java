package vn.trean.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.UnitId;
import vn.trean.shared.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a list's filter from the address, and writing it back into the paging links.
 */
class ReportListFilterTests {

	private static final UnitId WARD = new UnitId(7);

	private static final ReportListFilter.Offered OFFERED = new ReportListFilter.Offered(
			List.of(new AdministrativeUnit(WARD, "31120", AdministrativeUnit.Level.COMMUNE, "phuong", "Phường",
					"Cái Khế", "Phường Cái Khế", "Cai Khe", null, new UnitId(1), null, null, null)),
			List.of("EMERGENCY_DECISION", "PLAN"), Map.of(41L, "Nguyễn Văn An"));

	private static final ReportListFilter INBOX = ReportListFilter.none(ReportListFilter.Sort.ATTENTION, false);

	@Test
	void everyFilterIsReadAndKeptInThePagingLinks() {
		Verdict<ReportListFilter> read = read(new ReportListFilter.Params(" +84 912 ", "received", "EMERGENCY",
				"HOTLINE_111", "7", "PLAN", "41", "2026-12-01", "2026-12-09", "received", "asc", "2"));

		assertThat(read.allowed()).isTrue();
		ReportListFilter f = read.value();
		assertThat(f.q()).isEqualTo("+84 912");
		assertThat(f.status()).isEqualTo(ReportStatus.RECEIVED);
		assertThat(f.commune()).isEqualTo(WARD);
		assertThat(f.step()).isEqualTo("PLAN");
		assertThat(f.officer()).isEqualTo(41L);
		assertThat(f.from()).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(ReportListController.link("/intake/inbox", f.onPage(3)))
			.isEqualTo("/intake/inbox?q=%2B84+912&status=RECEIVED&urgency=EMERGENCY&channel=HOTLINE_111&commune=7"
					+ "&step=PLAN&officer=41&from=2026-12-01&to=2026-12-09&sort=received&dir=asc&page=3");
		assertThat(ReportListController.link("/intake/inbox", f.onPage(0))).doesNotContain("page=");
	}

	@Test
	void nothingAskedIsTheListsOwnOrder() {
		ReportListFilter f = read(
				new ReportListFilter.Params(null, "", null, null, null, null, null, null, null, null, null, null))
			.value();

		assertThat(f).isEqualTo(INBOX);
		assertThat(read(params("sort", "child")).value().ascending()).as("names A to Z").isTrue();
		assertThat(read(params("sort", "received")).value().ascending()).as("newest first").isFalse();
	}

	@Test
	void valuesThatNameNothingAreRefusedByTheirField() {
		assertThat(read(params("status", "FOO")).field()).isEqualTo("status");
		assertThat(read(params("commune", "8")).reason()).isEqualTo("reports.filter.commune-outside");
		assertThat(read(params("commune", "-7")).reason()).isEqualTo("reports.filter.unknown");
		assertThat(read(params("step", "LUNCH")).field()).isEqualTo("step");
		assertThat(read(params("step", "LUNCH")).reason()).isEqualTo("reports.filter.unknown");
		assertThat(read(params("officer", "42")).reason()).isEqualTo("reports.filter.officer-outside");
		assertThat(read(params("officer", "x")).field()).isEqualTo("officer");
		assertThat(read(params("q", "é")).reason()).isEqualTo("reports.search.too-short");
		assertThat(read(params("q", "%_ *?")).reason()).isEqualTo("reports.search.wildcards");
		assertThat(read(params("q", "a".repeat(101))).reason()).isEqualTo("validation.too-long");
		assertThat(read(params("q", "ab\u0007")).reason()).isEqualTo("validation.control-character");
		assertThat(read(params("q", "a%")).allowed()).as("a wildcard beside a letter is text").isTrue();
	}

	@Test
	void likePatternsMatchTheCharactersTyped() {
		assertThat(vn.trean.shared.ListConditions.escaped("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
	}

	private static Verdict<ReportListFilter> read(ReportListFilter.Params params) {
		return ReportListFilter.read(params, OFFERED, INBOX);
	}

	private static ReportListFilter.Params params(String name, String value) {
		return new ReportListFilter.Params(name.equals("q") ? value : null, name.equals("status") ? value : null, null,
				null, name.equals("commune") ? value : null, name.equals("step") ? value : null,
				name.equals("officer") ? value : null, null, null, name.equals("sort") ? value : null, null, null);
	}

}
