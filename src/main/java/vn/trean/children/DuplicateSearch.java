package vn.trean.children;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trean.geography.UnitId;

/**
 * The duplicate search: registered children that may be the one being entered, found by
 * any of the strong signals in one query and ranked by {@link MatchCandidate#score}.
 */
@Component
class DuplicateSearch {

	static final int SHOW_FROM_SCORE = 30;

	private final JdbcClient jdbc;

	private final Clock clock;

	DuplicateSearch(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** See {@link ChildRegistry#likelyMatches}. */
	List<ChildMatch> likelyMatches(ChildDetails details, Collection<UnitId> within, int limit) {
		if (details.fullName() == null || details.fullName().isBlank()) {
			return List.of();
		}
		MatchCandidate candidate = MatchCandidate.of(details, LocalDate.now(clock));
		List<ChildMatch> matches = new ArrayList<>();
		for (Child child : lookUp(candidate, within)) {
			ChildMatch match = candidate.score(child);
			if (match.score() >= SHOW_FROM_SCORE) {
				matches.add(match);
			}
		}
		matches.sort(Comparator.comparingInt(ChildMatch::score).reversed());
		return matches.size() > limit ? matches.subList(0, limit) : matches;
	}

	private List<Child> lookUp(MatchCandidate candidate, Collection<UnitId> within) {
		int year = candidate.year();
		StringBuilder sql = new StringBuilder("""
				SELECT * FROM child WHERE (personal_id = :pid OR name_key = :name
				  OR (given_key = :given AND residence_unit_id = :home AND birth_year BETWEEN :y1 AND :y2)
				  OR (parent_key = :parent AND given_key = :given))""");
		if (!within.isEmpty()) {
			sql.append(" AND (residence_unit_id IS NULL OR residence_unit_id = ANY(:units) OR personal_id = :pid)");
		}
		// strongest signals first, so the cap never drops a same-number or same-name
		// child
		sql.append(" ORDER BY (personal_id IS NOT DISTINCT FROM :pid) DESC, (name_key = :name) DESC,"
				+ " (parent_key IS NOT DISTINCT FROM :parent) DESC, abs(coalesce(birth_year, 0) - :year) LIMIT 200");
		var spec = jdbc.sql(sql.toString())
			.param("pid", candidate.pid())
			.param("name", candidate.nameKey())
			.param("given", candidate.given())
			.param("y1", year - 1)
			.param("y2", year + 1)
			.param("parent", candidate.parentKey())
			.param("home", candidate.details().residence() == null ? null : candidate.details().residence().value())
			.param("year", year);
		if (!within.isEmpty()) {
			spec = spec.param("units", within.stream().map(UnitId::value).toArray(Long[]::new));
		}
		return spec.query(ChildRegistry::map).list();
	}

}
