package vn.trean.registers;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.trean.registers.RegisterCounts.Count;

/**
 * The statement behind each count: the registers' own, or that of the module that
 * contributes it ({@link ContributedCounts}; the counts of
 * {@link CountFamily#CONTRIBUTED}). A contributed count no module contributes has no
 * statement: it is zero, with no records. Every statement selects
 * {@code id, register, label, unit_id, day} of the records on {@code :units} for the
 * period {@code :start}–{@code :end}.
 */
@Component
class CountStatements {

	private static final String ACTIVE_MEMBER = """
			SELECT m.id, 'WORKFORCE_MEMBER' AS register, m.full_name AS label, m.unit_id, m.active_from AS day
			FROM workforce_member m
			WHERE m.unit_id = ANY(:units) AND m.active_from <= :end AND (m.active_to IS NULL OR m.active_to >= :start)
			""";

	private static final String TRAINED = """
			AND EXISTS (SELECT 1 FROM training_participant p JOIN training t ON t.id = p.training_id
			 WHERE p.workforce_member_id = m.id AND t.held_on <= :end%s)""";

	private static final String FACILITY = """
			SELECT f.id, 'FACILITY' AS register, f.name AS label, f.unit_id,
			  (SELECT max(c.checked_on) FROM facility_check c WHERE c.facility_id = f.id AND c.checked_on <= :end) AS day
			FROM facility f WHERE f.unit_id = ANY(:units) AND f.kind = '%s'
			""";

	private static final String ROOM = """
			SELECT r.id, 'INTERVIEW_ROOM' AS register, r.name AS label, r.unit_id, r.established_on AS day
			FROM interview_room r WHERE r.unit_id = ANY(:units) AND r.established_on <= :end
			""";

	private final Map<Count, ContributedCounts> contributors = new EnumMap<>(Count.class);

	CountStatements(ObjectProvider<ContributedCounts> contributed) {
		contributed.orderedStream().forEach(c -> c.counts().forEach(count -> {
			if (!CountFamily.CONTRIBUTED.counts.contains(count)) {
				throw new IllegalStateException(count + " is counted by the registers, not contributed");
			}
			if (contributors.putIfAbsent(count, c) != null) {
				throw new IllegalStateException(count + " is contributed twice");
			}
		}));
	}

	/** The rows behind a count, none for a contributed count nobody contributes. */
	Optional<String> rows(Count count) {
		if (!CountFamily.CONTRIBUTED.counts.contains(count)) {
			return Optional.of(own(count));
		}
		return Optional.ofNullable(contributors.get(count)).map(c -> c.rows(count));
	}

	/**
	 * The grouped statements of the contributed counts asked for, one per contributing
	 * module, each with the counts it gives.
	 */
	Map<ContributedCounts, Set<Count>> contributors(Set<Count> wanted) {
		Map<ContributedCounts, Set<Count>> found = new java.util.LinkedHashMap<>();
		contributors.values()
			.stream()
			.distinct()
			.filter(c -> c.counts().stream().anyMatch(wanted::contains))
			.forEach(c -> found.put(c, Set.copyOf(c.counts())));
		return found;
	}

	/**
	 * The rows behind one of the registers' own counts; {@code label} is what a trace
	 * shows.
	 */
	static String own(Count count) {
		return switch (count) {
			case WORKFORCE -> ACTIVE_MEMBER + " AND m.role <> 'POLICE_INVESTIGATOR'";
			case WORKFORCE_TRAINED -> ACTIVE_MEMBER + " AND m.role <> 'POLICE_INVESTIGATOR'" + TRAINED.formatted("");
			case INVESTIGATORS -> ACTIVE_MEMBER + " AND m.role = 'POLICE_INVESTIGATOR'";
			case INVESTIGATORS_TRAINED -> ACTIVE_MEMBER + " AND m.role = 'POLICE_INVESTIGATOR'"
					+ TRAINED.formatted(" AND t.kind = '" + TrainingKind.CHILD_FRIENDLY_INVESTIGATION + "'");
			case SCHOOLS -> FACILITY.formatted(FacilityKind.SCHOOL);
			case SCHOOLS_WITH_PREVENTION_SESSION -> FACILITY.formatted(FacilityKind.SCHOOL) + """
					AND EXISTS (SELECT 1 FROM facility_check c WHERE c.facility_id = f.id
					 AND c.checked_on BETWEEN :start AND :end AND c.prevention_session)""";
			case HEALTH_FACILITIES -> FACILITY.formatted(FacilityKind.HEALTH_FACILITY);
			case HEALTH_FACILITIES_STRENGTHENED -> FACILITY.formatted(FacilityKind.HEALTH_FACILITY) + """
					AND coalesce((SELECT c.intake_procedure AND c.trained_staff AND c.counselling
					 FROM facility_check c WHERE c.facility_id = f.id AND c.checked_on <= :end
					 ORDER BY c.checked_on DESC, c.id DESC LIMIT 1), false)""";
			case INTERVIEW_ROOMS -> ROOM;
			case CHILD_FRIENDLY_INTERVIEW_ROOMS -> ROOM + " AND r.child_friendly";
			case HOUSEHOLDS_REACHED -> """
					SELECT min(e.id) AS id, 'COMMUNICATION_EVENT' AS register, h.household_code AS label,
					  min(e.unit_id) AS unit_id, min(e.held_on) AS day
					FROM communication_event_household h JOIN communication_event e ON e.id = h.event_id
					WHERE e.unit_id = ANY(:units) AND e.held_on BETWEEN :start AND :end
					GROUP BY h.household_code""";
			case SCHOOL_CASES, SCHOOL_CASES_SUPPORTED_IN_TIME, VICTIM_INTERVIEWS, VICTIM_INTERVIEWS_CHILD_FRIENDLY_ROOM,
					VICTIM_INTERVIEWS_TRAINED_INVESTIGATOR ->
				throw new IllegalArgumentException(count + " is contributed by another module");
		};
	}

	/** Workforce members active in the year trained by a training of the kind. */
	static String trainedIn(TrainingKind kind) {
		return ACTIVE_MEMBER + " AND m.role <> 'POLICE_INVESTIGATOR'"
				+ TRAINED.formatted(" AND t.kind = '" + kind.name() + "'");
	}

}
