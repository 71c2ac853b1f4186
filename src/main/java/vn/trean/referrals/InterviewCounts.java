package vn.trean.referrals;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.trean.registers.ContributedCounts;
import vn.trean.registers.RegisterCounts.Count;
import vn.trean.shared.Time;

/**
 * The facts the police's referrals give target 5 (child-friendly investigation): the
 * interviews of child victims held in the year, and of them those in a child-friendly
 * room of the register and those led by an investigator trained in child-friendly
 * investigation by that day (both snapshots taken when the interview was recorded).
 * Counted where the police agency is, by the interview's day; no target is set on them,
 * they stand beside indicators 5.1 and 5.2. A trace row is the interview: the referral's
 * code and the day, never a child's name.
 */
@Component
class InterviewCounts implements ContributedCounts {

	private static final String ZONE = "'" + Time.ZONE.getId() + "'";

	private static final String DAY = "CAST(i.held_at AT TIME ZONE " + ZONE + " AS date)";

	private static final String ROWS = """
			SELECT i.id, 'INTERVIEW' AS register, r.reference_code AS label, r.agency_unit_id AS unit_id,
			  %s AS day
			FROM referral_interview i JOIN referral r ON r.id = i.referral_id
			WHERE r.agency_unit_id = ANY(:units) AND %s BETWEEN :start AND :end%s""";

	private static final String GROUPED = """
			counted AS (
			  SELECT u.commune_id, y.year, i.room_child_friendly, i.investigator_trained
			  FROM referral_interview i JOIN referral r ON r.id = i.referral_id
			  JOIN units u ON u.unit_id = r.agency_unit_id
			  JOIN years y ON y.year = CAST(EXTRACT(YEAR FROM i.held_at AT TIME ZONE %s) AS int))
			SELECT commune_id, year, GROUPING(commune_id) AS total, count(*) AS victim_interviews,
			  count(*) FILTER (WHERE room_child_friendly) AS victim_interviews_child_friendly_room,
			  count(*) FILTER (WHERE investigator_trained) AS victim_interviews_trained_investigator
			FROM counted GROUP BY GROUPING SETS ((commune_id, year), (year))""".formatted(ZONE);

	@Override
	public Set<Count> counts() {
		return EnumSet.of(Count.VICTIM_INTERVIEWS, Count.VICTIM_INTERVIEWS_CHILD_FRIENDLY_ROOM,
				Count.VICTIM_INTERVIEWS_TRAINED_INVESTIGATOR);
	}

	@Override
	public String rows(Count count) {
		String condition = switch (count) {
			case VICTIM_INTERVIEWS -> "";
			case VICTIM_INTERVIEWS_CHILD_FRIENDLY_ROOM -> " AND i.room_child_friendly";
			case VICTIM_INTERVIEWS_TRAINED_INVESTIGATOR -> " AND i.investigator_trained";
			default -> throw new IllegalArgumentException(count + " is not counted from interviews");
		};
		return ROWS.formatted(DAY, DAY, condition);
	}

	@Override
	public String grouped(int fromYear, int toYear) {
		return GROUPED;
	}

}
