package vn.trean.cases;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.UnitId;
import vn.trean.intake.Urgency;
import vn.trean.shared.FormErrors;
import vn.trean.shared.Verdict;
import vn.trean.shared.VietnameseText;

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
		FormErrors errors = new FormErrors();
		String q = search(p.q(), errors);
		ProtectionCase.Status state = named(ProtectionCase.Status.class, p.state(), "state", errors);
		Urgency urgency = named(Urgency.class, p.urgency(), "urgency", errors);
		DeadlineStep step = named(DeadlineStep.class, p.step(), "step", errors);
		Long officer = officer(p.officer(), officers, errors);
		UnitId commune = commune(p.commune(), communes, errors);
		LocalDate from = date(p.from(), "from", errors);
		LocalDate to = date(p.to(), "to", errors);
		if (from != null && to != null && from.isAfter(to)) {
			errors.reject("to", "cases.filter.to-before-from");
		}
		Sort sort = blank(p.sort()) ? Sort.DEADLINE : named(Sort.class, p.sort(), "sort", errors);
		if (!blank(p.dir()) && !"asc".equals(p.dir()) && !"desc".equals(p.dir())) {
			errors.reject("dir", "cases.filter.unknown");
		}
		int page = page(p.page(), errors);
		if (errors.hasErrors()) {
			return Verdict.refuse(errors);
		}
		boolean ascending = blank(p.dir()) ? sort.ascendingByDefault : "asc".equals(p.dir());
		return Verdict
			.allow(new CaseListFilter(q, state, urgency, step, officer, commune, from, to, sort, ascending, page));
	}

	/**
	 * The search text, normalised; refused when it is one character, only wildcards
	 * (which are otherwise searched as the characters they are), or too long.
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
			errors.reject("q", "cases.search.wildcards");
		}
		else if (q.codePointCount(0, q.length()) < 2) {
			errors.reject("q", "cases.search.too-short");
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
			errors.reject(field, "cases.filter.unknown");
		}
		return found.orElse(null);
	}

	private static @Nullable Long officer(@Nullable String text, Collection<Long> officers, FormErrors errors) {
		Long id = number(text, "officer", errors);
		if (id != null && !officers.contains(id)) {
			errors.reject("officer", "cases.filter.officer-outside");
			return null;
		}
		return id;
	}

	private static @Nullable UnitId commune(@Nullable String text, Collection<UnitId> communes, FormErrors errors) {
		Long id = number(text, "commune", errors);
		if (id != null && !communes.contains(new UnitId(id))) {
			errors.reject("commune", "cases.filter.commune-outside");
			return null;
		}
		return id == null ? null : new UnitId(id);
	}

	private static @Nullable Long number(@Nullable String text, String field, FormErrors errors) {
		if (blank(text)) {
			return null;
		}
		if (!text.strip().matches("\\d{1,18}")) {
			errors.reject(field, "cases.filter.unknown");
			return null;
		}
		return Long.parseLong(text.strip());
	}

	private static @Nullable LocalDate date(@Nullable String text, String field, FormErrors errors) {
		if (blank(text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.reject(field, "cases.filter.date");
			return null;
		}
	}

	private static int page(@Nullable String text, FormErrors errors) {
		if (blank(text)) {
			return 0;
		}
		if (!text.strip().matches("\\d{1,9}")) {
			errors.reject("page", "cases.filter.unknown");
			return 0;
		}
		return Math.min(Integer.parseInt(text.strip()), CaseLists.LAST_PAGE);
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
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
