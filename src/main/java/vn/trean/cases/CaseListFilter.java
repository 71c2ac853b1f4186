package vn.trean.cases;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.UnitId;
import vn.trean.intake.Urgency;
import vn.trean.shared.ListFilterFields;
import vn.trean.shared.Verdict;

/**
 * What a case list is narrowed to and ordered by, read from the address so that a list
 * can be bookmarked and its pages keep it: a search text, the state (open cases when none
 * is chosen), the urgency, the step whose clock runs next, the assigned officer and the
 * commune (each one of those offered), the period the case was opened in, the order and
 * the page. A value that names nothing is refused by the field it came in.
 */
record CaseListFilter(@Nullable String q, ProtectionCase.@Nullable Status state, @Nullable Urgency urgency,
		@Nullable DeadlineStep step, @Nullable Long officer, @Nullable UnitId commune, @Nullable LocalDate from,
		@Nullable LocalDate to, Sort sort, boolean ascending, int page) {

	/** The longest search text read. */
	static final int MAX_SEARCH = 100;

	/** The orders a case list may be sorted in; the first is the default. */
	enum Sort {

		/** The nearest legal deadline first (cases without one last). */
		DEADLINE(true),
		/** When the case was opened, the newest first. */
		OPENED(false),
		/** The case's reference code. */
		CODE(true),
		/** The first child's name, in Vietnamese alphabetical order. */
		CHILD(true);

		private final boolean ascendingByDefault;

		Sort(boolean ascendingByDefault) {
			this.ascendingByDefault = ascendingByDefault;
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** The parameters as typed in the address; any may be missing or wrong. */
	record Params(@Nullable String q, @Nullable String state, @Nullable String urgency, @Nullable String step,
			@Nullable String officer, @Nullable String commune, @Nullable String from, @Nullable String to,
			@Nullable String sort, @Nullable String dir, @Nullable String page) {

		/** Whether anything but the search text narrows or orders the list. */
		public boolean narrowed() {
			return Stream.of(state, urgency, step, officer, commune, from, to, sort, dir).anyMatch(v -> !blank(v));
		}

		/** Whether the list was searched or narrowed at all. */
		public boolean searched() {
			return !blank(q) || narrowed();
		}

	}

	/**
	 * The filter the parameters ask for, or every wrong value refused by its field.
	 * @param officers the officers the list may be narrowed to
	 * @param communes the communes the list may be narrowed to
	 */
	static Verdict<CaseListFilter> read(Params p, Collection<Long> officers, Collection<UnitId> communes) {
		ListFilterFields fields = new ListFilterFields("cases");
		String q = fields.search(p.q(), MAX_SEARCH);
		ProtectionCase.Status state = fields.named(ProtectionCase.Status.class, p.state(), "state");
		Urgency urgency = fields.named(Urgency.class, p.urgency(), "urgency");
		DeadlineStep step = fields.named(DeadlineStep.class, p.step(), "step");
		Long officer = fields.number(p.officer(), "officer");
		if (officer != null && !officers.contains(officer)) {
			fields.refuse("officer", "filter.officer-outside");
			officer = null;
		}
		Long communeId = fields.number(p.commune(), "commune");
		UnitId commune = communeId == null ? null : new UnitId(communeId);
		if (commune != null && !communes.contains(commune)) {
			fields.refuse("commune", "filter.commune-outside");
			commune = null;
		}
		LocalDate from = fields.date(p.from(), "from");
		LocalDate to = fields.date(p.to(), "to");
		fields.period(from, to);
		Sort sort = blank(p.sort()) ? Sort.DEADLINE : fields.named(Sort.class, p.sort(), "sort");
		boolean ascending = fields.ascending(p.dir(), sort == null || sort.ascendingByDefault);
		int page = fields.page(p.page(), CaseLists.LAST_PAGE);
		if (fields.errors().hasErrors()) {
			return Verdict.refuse(fields.errors());
		}
		return Verdict
			.allow(new CaseListFilter(q, state, urgency, step, officer, commune, from, to, sort, ascending, page));
	}

	private static boolean blank(@Nullable String text) {
		return ListFilterFields.blank(text);
	}

	/** The open cases, the nearest deadline first, on a page. */
	static CaseListFilter open(int page) {
		return new CaseListFilter(null, null, null, null, null, null, null, null, Sort.DEADLINE, true,
				Math.max(0, Math.min(page, CaseLists.LAST_PAGE)));
	}

	/** The same filter on another page. */
	CaseListFilter onPage(int number) {
		return new CaseListFilter(q, state, urgency, step, officer, commune, from, to, sort, ascending, number);
	}

	/** The list's address with the filter in it, parameters left out when not set. */
	String link(String path) {
		java.util.StringJoiner query = new java.util.StringJoiner("&", path + "?", "").setEmptyValue(path);
		add(query, "q", q);
		add(query, "state", state);
		add(query, "urgency", urgency);
		add(query, "step", step);
		add(query, "officer", officer);
		add(query, "commune", commune == null ? null : commune.value());
		add(query, "from", from);
		add(query, "to", to);
		add(query, "sort", sort.param());
		add(query, "dir", ascending ? "asc" : "desc");
		add(query, "page", page > 0 ? page : null);
		return query.toString();
	}

	private static void add(java.util.StringJoiner query, String name, @Nullable Object value) {
		if (value != null) {
			query.add(
					name + "=" + java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
		}
	}

}
