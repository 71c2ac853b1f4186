package vn.trean.intake;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.UnitId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.Verdict;
import vn.trean.shared.VietnameseText;

/**
 * What a list of reports is narrowed to and ordered by, read from the address (so a list
 * can be bookmarked and its pages keep it): a search text, the handling status, the
 * urgency, the channel, the commune it was routed to (one of those offered), the period
 * it was received in, the order and the page. Each value that names nothing is refused by
 * the field it came in.
 */
record ReportListFilter(@Nullable String q, @Nullable ReportStatus status, @Nullable Urgency urgency,
		@Nullable Channel channel, @Nullable UnitId commune, @Nullable LocalDate from, @Nullable LocalDate to,
		Sort sort, boolean ascending, int page) {

	/** The longest search text read. */
	static final int MAX_SEARCH = 100;

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
			@Nullable String commune, @Nullable String from, @Nullable String to, @Nullable String sort,
			@Nullable String dir, @Nullable String page) {

		/** Whether anything but the search text narrows or orders the list. */
		public boolean narrowed() {
			return java.util.stream.Stream.of(status, urgency, channel, commune, from, to, sort, dir)
				.anyMatch(v -> !blank(v));
		}

		/** Whether the list was searched or narrowed at all. */
		public boolean searched() {
			return !blank(q) || narrowed();
		}

	}

	/** A list with nothing narrowed, in the order given. */
	static ReportListFilter none(Sort sort, boolean ascending) {
		return new ReportListFilter(null, null, null, null, null, null, null, sort, ascending, 0);
	}

	/**
	 * The filter the parameters ask for, or every value refused.
	 * @param communes the communes the list may be narrowed to
	 * @param defaults the order when none is asked for
	 */
	static Verdict<ReportListFilter> read(Params p, Collection<UnitId> communes, ReportListFilter defaults) {
		FormErrors errors = new FormErrors();
		String q = search(p.q(), errors);
		ReportStatus status = named(ReportStatus.class, p.status(), "status", errors);
		Urgency urgency = named(Urgency.class, p.urgency(), "urgency", errors);
		Channel channel = named(Channel.class, p.channel(), "channel", errors);
		UnitId commune = commune(p.commune(), communes, errors);
		LocalDate from = date(p.from(), "from", errors);
		LocalDate to = date(p.to(), "to", errors);
		if (from != null && to != null && from.isAfter(to)) {
			errors.reject("to", "reports.filter.to-before-from");
		}
		Sort sort = blank(p.sort()) ? defaults.sort() : named(Sort.class, p.sort(), "sort", errors);
		boolean ascending = blank(p.dir()) ? blank(p.sort()) ? defaults.ascending() : sort == Sort.CHILD
				: "asc".equals(p.dir());
		if (!blank(p.dir()) && !"asc".equals(p.dir()) && !"desc".equals(p.dir())) {
			errors.reject("dir", "reports.filter.unknown");
		}
		int page = page(p.page(), errors);
		if (errors.hasErrors()) {
			return Verdict.refuse(errors);
		}
		return Verdict
			.allow(new ReportListFilter(q, status, urgency, channel, commune, from, to, sort, ascending, page));
	}

	/**
	 * The search text, trimmed; refused when it is one character, only wildcards (which
	 * are otherwise searched as the characters they are), or too long.
	 */
	private static @Nullable String search(@Nullable String typed, FormErrors errors) {
		String q = VietnameseText.normalize(typed);
		if (q == null || q.isEmpty()) {
			return null;
		}
		if (FormErrors.hasControlCharacter(q)) {
			errors.reject("q", "validation.control-character");
		}
		else if (q.codePointCount(0, q.length()) > MAX_SEARCH) {
			errors.reject("q", "validation.too-long");
		}
		else if (q.replaceAll("[%_*?\\s]", "").isEmpty()) {
			errors.reject("q", "reports.search.wildcards");
		}
		else if (q.codePointCount(0, q.length()) < 2) {
			errors.reject("q", "reports.search.too-short");
		}
		return q;
	}

	private static <E extends Enum<E>> @Nullable E named(Class<E> type, @Nullable String text, String field,
			FormErrors errors) {
		if (blank(text)) {
			return null;
		}
		Optional<E> found = Arrays.stream(type.getEnumConstants())
			.filter(e -> e.name().equalsIgnoreCase(text.strip()))
			.findFirst();
		if (found.isEmpty()) {
			errors.reject(field, "reports.filter.unknown");
		}
		return found.orElse(null);
	}

	private static @Nullable UnitId commune(@Nullable String text, Collection<UnitId> communes, FormErrors errors) {
		if (blank(text)) {
			return null;
		}
		if (!text.strip().matches("\\d{1,18}")) {
			errors.reject("commune", "reports.filter.unknown");
			return null;
		}
		UnitId unit = new UnitId(Long.parseLong(text.strip()));
		if (!communes.contains(unit)) {
			errors.reject("commune", "reports.filter.commune-outside");
			return null;
		}
		return unit;
	}

	private static @Nullable LocalDate date(@Nullable String text, String field, FormErrors errors) {
		if (blank(text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.reject(field, "reports.filter.date");
			return null;
		}
	}

	private static int page(@Nullable String text, FormErrors errors) {
		if (blank(text)) {
			return 0;
		}
		if (!text.strip().matches("\\d{1,6}")) {
			errors.reject("page", "reports.filter.unknown");
			return 0;
		}
		return Integer.parseInt(text.strip());
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
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
		return new ReportListFilter(q, status, urgency, channel, commune, from, to, sort, ascending, number);
	}

}
