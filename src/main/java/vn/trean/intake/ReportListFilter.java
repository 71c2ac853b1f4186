package vn.trean.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.UnitId;
import vn.trean.shared.ListFilterFields;
import vn.trean.shared.Verdict;

/**
 * What a list of reports is narrowed to and ordered by, read from the address (so a list
 * can be bookmarked and its pages keep it): a search text, the handling status, the
 * urgency, the channel, the commune it was routed to (one of those offered), the step
 * whose clock runs next on its case and the case's officer (ones offered), the period it
 * was received in, the order and the page. Each value that names nothing is refused by
 * the field it came in.
 */
record ReportListFilter(@Nullable String q, @Nullable ReportStatus status, @Nullable Urgency urgency,
		@Nullable Channel channel, @Nullable UnitId commune, @Nullable String step, @Nullable Long officer,
		@Nullable LocalDate from, @Nullable LocalDate to, Sort sort, boolean ascending, int page) {

	/** The longest search text read. */
	static final int MAX_SEARCH = 100;

	/** The last page a list goes to. */
	static final int LAST_PAGE = 10_000;

	/** The orders a list may be sorted in; the first is an inbox's own. */
	enum Sort {

		/** What still needs attention first, then the most urgent (the inbox's order). */
		ATTENTION,
		/** When the report came in. */
		RECEIVED,
		/** Emergency, then danger signs, then the rest; the earlier clock first. */
		URGENCY,
		/** The first child's name, in Vietnamese alphabetical order. */
		CHILD;

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** The parameters as typed in the address; any may be missing or wrong. */
	record Params(@Nullable String q, @Nullable String status, @Nullable String urgency, @Nullable String channel,
			@Nullable String commune, @Nullable String step, @Nullable String officer, @Nullable String from,
			@Nullable String to, @Nullable String sort, @Nullable String dir, @Nullable String page) {

		/** Whether anything but the search text narrows or orders the list. */
		public boolean narrowed() {
			return java.util.stream.Stream.of(status, urgency, channel, commune, step, officer, from, to, sort, dir)
				.anyMatch(v -> !blank(v));
		}

		/** Whether the list was searched or narrowed at all. */
		public boolean searched() {
			return !blank(q) || narrowed();
		}

	}

	/** A list with nothing narrowed, in the order given. */
	static ReportListFilter none(Sort sort, boolean ascending) {
		return new ReportListFilter(null, null, null, null, null, null, null, null, null, sort, ascending, 0);
	}

	/**
	 * The filter the parameters ask for, or every value refused.
	 * @param offered what the list may be narrowed to
	 * @param defaults the order when none is asked for
	 */
	static Verdict<ReportListFilter> read(Params p, Offered offered, ReportListFilter defaults) {
		ListFilterFields fields = new ListFilterFields("reports");
		String q = fields.search(p.q(), MAX_SEARCH);
		ReportStatus status = fields.named(ReportStatus.class, p.status(), "status");
		Urgency urgency = fields.named(Urgency.class, p.urgency(), "urgency");
		Channel channel = fields.named(Channel.class, p.channel(), "channel");
		Long communeId = fields.number(p.commune(), "commune");
		UnitId commune = communeId == null ? null : new UnitId(communeId);
		if (commune != null && !offered.commune(commune)) {
			fields.refuse("commune", "filter.commune-outside");
			commune = null;
		}
		String step = blank(p.step()) ? null : p.step().strip();
		if (step != null && !offered.steps().contains(step)) {
			fields.refuse("step", "filter.unknown");
			step = null;
		}
		Long officer = fields.number(p.officer(), "officer");
		if (officer != null && !offered.officers().containsKey(officer)) {
			fields.refuse("officer", "filter.officer-outside");
			officer = null;
		}
		LocalDate from = fields.date(p.from(), "from");
		LocalDate to = fields.date(p.to(), "to");
		fields.period(from, to);
		Sort sort = blank(p.sort()) ? defaults.sort() : fields.named(Sort.class, p.sort(), "sort");
		boolean ascending = fields.ascending(p.dir(), blank(p.sort()) ? defaults.ascending() : sort == Sort.CHILD);
		int page = fields.page(p.page(), LAST_PAGE);
		if (fields.errors().hasErrors()) {
			return Verdict.refuse(fields.errors());
		}
		return Verdict.allow(new ReportListFilter(q, status, urgency, channel, commune, step, officer, from, to, sort,
				ascending, page));
	}

	/**
	 * What a list may be narrowed to: the communes, the steps of a case's clocks and the
	 * officers of its cases.
	 */
	record Offered(List<AdministrativeUnit> communes, List<String> steps, Map<Long, String> officers) {

		boolean commune(UnitId unit) {
			return communes.stream().anyMatch(u -> u.id().equals(unit));
		}

	}

	/** Whether the list is narrowed by its cases' progress. */
	boolean byCase() {
		return step != null || officer != null;
	}

	private static boolean blank(@Nullable String text) {
		return ListFilterFields.blank(text);
	}

	/** The sort as the address names it. */
	String sortParam() {
		return sort.param();
	}

	/** The direction as the address names it. */
	String dirParam() {
		return ascending ? "asc" : "desc";
	}

	/** The same filter on another page. */
	ReportListFilter onPage(int number) {
		return new ReportListFilter(q, status, urgency, channel, commune, step, officer, from, to, sort, ascending,
				number);
	}

}
