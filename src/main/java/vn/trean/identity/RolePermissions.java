package vn.trean.identity;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Map.entry;
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
		grant(Role.SYSTEM_ADMINISTRATOR,
				Map.of(VIEW_ADMINISTRATIVE_UNITS, ANYWHERE, VIEW_AGENCIES, JURISDICTION, MANAGE_AGENCIES, JURISDICTION,
						MANAGE_USERS, JURISDICTION, RESET_SECOND_FACTOR, JURISDICTION, MANAGE_API_TOKENS, JURISDICTION,
						VIEW_AUDIT_LOG, JURISDICTION, VIEW_API_DOCUMENTATION, JURISDICTION, VIEW_STATISTICS,
						JURISDICTION, MANAGE_WORKING_CALENDAR, JURISDICTION));
		grant(Role.HOTLINE_OPERATOR, Map.of(VIEW_ADMINISTRATIVE_UNITS, ANYWHERE, VIEW_AGENCIES, ANYWHERE, RECORD_REPORT,
				ANYWHERE, VIEW_CHILD_RECORDS, JURISDICTION, VIEW_REPORTER_IDENTITY, JURISDICTION));
		grant(Role.COMMUNE_OFFICER,
				Map.of(VIEW_ADMINISTRATIVE_UNITS, ANYWHERE, VIEW_AGENCIES, ANYWHERE, MANAGE_AGENCIES, JURISDICTION,
						RECORD_REPORT, JURISDICTION, VIEW_CHILD_RECORDS, JURISDICTION, VIEW_REPORTER_IDENTITY,
						JURISDICTION, MANAGE_CASES, JURISDICTION, HANDLE_REFERRALS, JURISDICTION, VIEW_STATISTICS,
						JURISDICTION));
		grant(Role.COMMUNE_CHAIR, Map.of(VIEW_ADMINISTRATIVE_UNITS, ANYWHERE, VIEW_AGENCIES, ANYWHERE,
				VIEW_CHILD_RECORDS, JURISDICTION, DECIDE_ON_CASES, JURISDICTION, VIEW_STATISTICS, JURISDICTION));
		grant(Role.PROVINCIAL_MANAGER,
				Map.ofEntries(entry(VIEW_ADMINISTRATIVE_UNITS, ANYWHERE), entry(VIEW_AGENCIES, ANYWHERE),
						entry(MANAGE_AGENCIES, JURISDICTION), entry(RECORD_REPORT, JURISDICTION),
						entry(VIEW_CHILD_RECORDS, JURISDICTION), entry(VIEW_REPORTER_IDENTITY, JURISDICTION),
						entry(HANDLE_REFERRALS, JURISDICTION), entry(MANAGE_ACTION_PLANS, JURISDICTION),
						entry(VIEW_AUDIT_LOG, JURISDICTION), entry(VIEW_STATISTICS, JURISDICTION),
						entry(MANAGE_WORKING_CALENDAR, JURISDICTION)));
		grant(Role.AGENCY_FOCAL_POINT,
				Map.of(VIEW_ADMINISTRATIVE_UNITS, ANYWHERE, VIEW_AGENCIES, ANYWHERE, MANAGE_AGENCIES, OWN_AGENCY,
						RECORD_REPORT, JURISDICTION, HANDLE_REFERRALS, OWN_AGENCY, SUBMIT_PLAN_REPORTS, OWN_AGENCY));
		grant(Role.PLAN_REPORTER, Map.of(VIEW_ADMINISTRATIVE_UNITS, ANYWHERE, VIEW_AGENCIES, ANYWHERE,
				SUBMIT_PLAN_REPORTS, JURISDICTION, VIEW_STATISTICS, JURISDICTION));
		grant(Role.STATISTICIAN, Map.of(VIEW_ADMINISTRATIVE_UNITS, ANYWHERE, VIEW_STATISTICS, JURISDICTION));
	}

	private RolePermissions() {
	}

	private static void grant(Role role, Map<Action, Reach> grants) {
		GRANTS.put(role, new EnumMap<>(grants));
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
