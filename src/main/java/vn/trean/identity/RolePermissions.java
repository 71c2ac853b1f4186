package vn.trean.identity;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static vn.trean.identity.Action.*;
import static vn.trean.identity.RolePermissions.Reach.*;

/**
 * The grant table: which role may perform which action, and how far that reaches. This is
 * the single place to read (and change) who may do what; {@link Authorization} applies
 * it.
 */
final class RolePermissions {

	/** How far a grant reaches, from the narrowest. */
	enum Reach {

		/** Only resources owned by the user's own agency, inside the jurisdiction. */
		OWN_AGENCY,
		/** Resources located in the user's jurisdiction or any unit below it. */
		JURISDICTION,
		/** Anywhere: reference data that is not personal. */
		ANYWHERE

	}

	private static final Map<Role, Map<Action, Reach>> GRANTS = new EnumMap<>(Role.class);

	static {
		grant(Role.SYSTEM_ADMINISTRATOR).anywhere(VIEW_ADMINISTRATIVE_UNITS)
			.inJurisdiction(VIEW_AGENCIES, MANAGE_AGENCIES, MANAGE_USERS, RESET_SECOND_FACTOR, MANAGE_API_TOKENS,
					VIEW_AUDIT_LOG, VIEW_API_DOCUMENTATION, VIEW_STATISTICS, MANAGE_WORKING_CALENDAR,
					MANAGE_CASE_SETTINGS, MANAGE_REFERRAL_SETTINGS);
		grant(Role.HOTLINE_OPERATOR).anywhere(VIEW_ADMINISTRATIVE_UNITS, VIEW_AGENCIES, RECORD_REPORT)
			.inJurisdiction(VIEW_CHILD_RECORDS, VIEW_REPORTER_IDENTITY);
		grant(Role.COMMUNE_OFFICER).anywhere(VIEW_ADMINISTRATIVE_UNITS, VIEW_AGENCIES)
			.inJurisdiction(MANAGE_AGENCIES, RECORD_REPORT, VIEW_CHILD_RECORDS, VIEW_REPORTER_IDENTITY, MANAGE_CASES,
					HANDLE_REFERRALS, VIEW_STATISTICS, VIEW_CASES);
		grant(Role.COMMUNE_CHAIR).anywhere(VIEW_ADMINISTRATIVE_UNITS, VIEW_AGENCIES)
			.inJurisdiction(VIEW_CHILD_RECORDS, DECIDE_ON_CASES, VIEW_STATISTICS, VIEW_CASES);
		grant(Role.PROVINCIAL_MANAGER).anywhere(VIEW_ADMINISTRATIVE_UNITS, VIEW_AGENCIES, BREAK_GLASS)
			.inJurisdiction(MANAGE_AGENCIES, RECORD_REPORT, VIEW_CHILD_RECORDS, VIEW_REPORTER_IDENTITY,
					HANDLE_REFERRALS, MANAGE_ACTION_PLANS, VIEW_AUDIT_LOG, VIEW_STATISTICS, MANAGE_WORKING_CALENDAR,
					VIEW_CASES);
		grant(Role.AGENCY_FOCAL_POINT).anywhere(VIEW_ADMINISTRATIVE_UNITS, VIEW_AGENCIES)
			.inJurisdiction(RECORD_REPORT)
			.ownAgency(MANAGE_AGENCIES, ANSWER_REFERRALS, SUBMIT_PLAN_REPORTS);
		grant(Role.PLAN_REPORTER).anywhere(VIEW_ADMINISTRATIVE_UNITS, VIEW_AGENCIES)
			.inJurisdiction(SUBMIT_PLAN_REPORTS, VIEW_STATISTICS);
		grant(Role.STATISTICIAN).anywhere(VIEW_ADMINISTRATIVE_UNITS).inJurisdiction(VIEW_STATISTICS);
	}

	private RolePermissions() {
	}

	private static Grants grant(Role role) {
		return new Grants(GRANTS.computeIfAbsent(role, r -> new EnumMap<>(Action.class)));
	}

	/** Grants of one role, by reach. */
	private record Grants(Map<Action, Reach> grants) {

		Grants anywhere(Action... actions) {
			return with(ANYWHERE, actions);
		}

		Grants inJurisdiction(Action... actions) {
			return with(JURISDICTION, actions);
		}

		Grants ownAgency(Action... actions) {
			return with(OWN_AGENCY, actions);
		}

		private Grants with(Reach reach, Action... actions) {
			for (Action action : actions) {
				if (grants.put(action, reach) != null) {
					throw new IllegalStateException("Granted twice: " + action);
				}
			}
			return this;
		}

	}

	/** The widest reach any of the roles has for the action, if any grants it. */
	static Optional<Reach> widestReach(Set<Role> roles, Action action) {
		return roles.stream()
			.map(role -> GRANTS.getOrDefault(role, Map.of()).get(action))
			.filter(java.util.Objects::nonNull)
			.max(Enum::compareTo);
	}

	/** Whether holding the role gives access to a child's personal data. */
	static boolean reachesChildData(Role role) {
		return GRANTS.getOrDefault(role, Map.of()).keySet().stream().anyMatch(Action::childData);
	}

}
