package vn.trean.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix: every role × every action × where the resource is, decided by
 * the real {@link Authorization} over the real administrative hierarchy. Columns: the
 * user's own commune (own agency's resource), a commune below a province-level user,
 * another commune, and the own commune but another agency's resource.
 */
@IntegrationTest
class AuthorizationMatrixTests {

	/** Expected decisions, written out as the access policy of the foundation issue. */
	static final String MATRIX = """
			SYSTEM_ADMINISTRATOR  VIEW_ADMINISTRATIVE_UNITS  yes yes yes yes
			SYSTEM_ADMINISTRATOR  VIEW_AGENCIES              yes yes no  yes
			SYSTEM_ADMINISTRATOR  MANAGE_AGENCIES            yes yes no  yes
			SYSTEM_ADMINISTRATOR  MANAGE_USERS               yes yes no  yes
			SYSTEM_ADMINISTRATOR  RESET_SECOND_FACTOR        yes yes no  yes
			SYSTEM_ADMINISTRATOR  MANAGE_API_TOKENS          yes yes no  yes
			SYSTEM_ADMINISTRATOR  VIEW_AUDIT_LOG             yes yes no  yes
			SYSTEM_ADMINISTRATOR  VIEW_API_DOCUMENTATION     yes yes no  yes
			SYSTEM_ADMINISTRATOR  RECORD_REPORT              no  no  no  no
			SYSTEM_ADMINISTRATOR  VIEW_CHILD_RECORDS         no  no  no  no
			SYSTEM_ADMINISTRATOR  VIEW_REPORTER_IDENTITY     no  no  no  no
			SYSTEM_ADMINISTRATOR  MANAGE_CASES               no  no  no  no
			SYSTEM_ADMINISTRATOR  DECIDE_ON_CASES            no  no  no  no
			SYSTEM_ADMINISTRATOR  HANDLE_REFERRALS           no  no  no  no
			SYSTEM_ADMINISTRATOR  MANAGE_ACTION_PLANS        no  no  no  no
			SYSTEM_ADMINISTRATOR  SUBMIT_PLAN_REPORTS        no  no  no  no
			SYSTEM_ADMINISTRATOR  VIEW_STATISTICS            yes yes no  yes
			SYSTEM_ADMINISTRATOR  MANAGE_WORKING_CALENDAR    yes yes no  yes
			SYSTEM_ADMINISTRATOR  VIEW_CASES                 no  no  no  no
			SYSTEM_ADMINISTRATOR  BREAK_GLASS                no  no  no  no
			SYSTEM_ADMINISTRATOR  MANAGE_CASE_SETTINGS       yes yes no  yes
			SYSTEM_ADMINISTRATOR  ANSWER_REFERRALS           no  no  no  no
			SYSTEM_ADMINISTRATOR  MANAGE_REFERRAL_SETTINGS   yes yes no  yes
			HOTLINE_OPERATOR      VIEW_ADMINISTRATIVE_UNITS  yes yes yes yes
			HOTLINE_OPERATOR      VIEW_AGENCIES              yes yes yes yes
			HOTLINE_OPERATOR      MANAGE_AGENCIES            no  no  no  no
			HOTLINE_OPERATOR      MANAGE_USERS               no  no  no  no
			HOTLINE_OPERATOR      RESET_SECOND_FACTOR        no  no  no  no
			HOTLINE_OPERATOR      MANAGE_API_TOKENS          no  no  no  no
			HOTLINE_OPERATOR      VIEW_AUDIT_LOG             no  no  no  no
			HOTLINE_OPERATOR      VIEW_API_DOCUMENTATION     no  no  no  no
			HOTLINE_OPERATOR      RECORD_REPORT              yes yes yes yes
			HOTLINE_OPERATOR      VIEW_CHILD_RECORDS         yes yes no  yes
			HOTLINE_OPERATOR      VIEW_REPORTER_IDENTITY     yes yes no  yes
			HOTLINE_OPERATOR      MANAGE_CASES               no  no  no  no
			HOTLINE_OPERATOR      DECIDE_ON_CASES            no  no  no  no
			HOTLINE_OPERATOR      HANDLE_REFERRALS           no  no  no  no
			HOTLINE_OPERATOR      MANAGE_ACTION_PLANS        no  no  no  no
			HOTLINE_OPERATOR      SUBMIT_PLAN_REPORTS        no  no  no  no
			HOTLINE_OPERATOR      VIEW_STATISTICS            no  no  no  no
			HOTLINE_OPERATOR      MANAGE_WORKING_CALENDAR    no  no  no  no
			HOTLINE_OPERATOR      VIEW_CASES                 no  no  no  no
			HOTLINE_OPERATOR      BREAK_GLASS                no  no  no  no
			HOTLINE_OPERATOR      MANAGE_CASE_SETTINGS       no  no  no  no
			HOTLINE_OPERATOR      ANSWER_REFERRALS           no  no  no  no
			HOTLINE_OPERATOR      MANAGE_REFERRAL_SETTINGS   no  no  no  no
			COMMUNE_OFFICER       VIEW_ADMINISTRATIVE_UNITS  yes yes yes yes
			COMMUNE_OFFICER       VIEW_AGENCIES              yes yes yes yes
			COMMUNE_OFFICER       MANAGE_AGENCIES            yes yes no  yes
			COMMUNE_OFFICER       MANAGE_USERS               no  no  no  no
			COMMUNE_OFFICER       RESET_SECOND_FACTOR        no  no  no  no
			COMMUNE_OFFICER       MANAGE_API_TOKENS          no  no  no  no
			COMMUNE_OFFICER       VIEW_AUDIT_LOG             no  no  no  no
			COMMUNE_OFFICER       VIEW_API_DOCUMENTATION     no  no  no  no
			COMMUNE_OFFICER       RECORD_REPORT              yes yes no  yes
			COMMUNE_OFFICER       VIEW_CHILD_RECORDS         yes yes no  yes
			COMMUNE_OFFICER       VIEW_REPORTER_IDENTITY     yes yes no  yes
			COMMUNE_OFFICER       MANAGE_CASES               yes yes no  yes
			COMMUNE_OFFICER       DECIDE_ON_CASES            no  no  no  no
			COMMUNE_OFFICER       HANDLE_REFERRALS           yes yes no  yes
			COMMUNE_OFFICER       MANAGE_ACTION_PLANS        no  no  no  no
			COMMUNE_OFFICER       SUBMIT_PLAN_REPORTS        no  no  no  no
			COMMUNE_OFFICER       VIEW_STATISTICS            yes yes no  yes
			COMMUNE_OFFICER       MANAGE_WORKING_CALENDAR    no  no  no  no
			COMMUNE_OFFICER       VIEW_CASES                 yes yes no  yes
			COMMUNE_OFFICER       BREAK_GLASS                no  no  no  no
			COMMUNE_OFFICER       MANAGE_CASE_SETTINGS       no  no  no  no
			COMMUNE_OFFICER       ANSWER_REFERRALS           no  no  no  no
			COMMUNE_OFFICER       MANAGE_REFERRAL_SETTINGS   no  no  no  no
			COMMUNE_CHAIR         VIEW_ADMINISTRATIVE_UNITS  yes yes yes yes
			COMMUNE_CHAIR         VIEW_AGENCIES              yes yes yes yes
			COMMUNE_CHAIR         MANAGE_AGENCIES            no  no  no  no
			COMMUNE_CHAIR         MANAGE_USERS               no  no  no  no
			COMMUNE_CHAIR         RESET_SECOND_FACTOR        no  no  no  no
			COMMUNE_CHAIR         MANAGE_API_TOKENS          no  no  no  no
			COMMUNE_CHAIR         VIEW_AUDIT_LOG             no  no  no  no
			COMMUNE_CHAIR         VIEW_API_DOCUMENTATION     no  no  no  no
			COMMUNE_CHAIR         RECORD_REPORT              no  no  no  no
			COMMUNE_CHAIR         VIEW_CHILD_RECORDS         yes yes no  yes
			COMMUNE_CHAIR         VIEW_REPORTER_IDENTITY     no  no  no  no
			COMMUNE_CHAIR         MANAGE_CASES               no  no  no  no
			COMMUNE_CHAIR         DECIDE_ON_CASES            yes yes no  yes
			COMMUNE_CHAIR         HANDLE_REFERRALS           no  no  no  no
			COMMUNE_CHAIR         MANAGE_ACTION_PLANS        no  no  no  no
			COMMUNE_CHAIR         SUBMIT_PLAN_REPORTS        no  no  no  no
			COMMUNE_CHAIR         VIEW_STATISTICS            yes yes no  yes
			COMMUNE_CHAIR         MANAGE_WORKING_CALENDAR    no  no  no  no
			COMMUNE_CHAIR         VIEW_CASES                 yes yes no  yes
			COMMUNE_CHAIR         BREAK_GLASS                no  no  no  no
			COMMUNE_CHAIR         MANAGE_CASE_SETTINGS       no  no  no  no
			COMMUNE_CHAIR         ANSWER_REFERRALS           no  no  no  no
			COMMUNE_CHAIR         MANAGE_REFERRAL_SETTINGS   no  no  no  no
			PROVINCIAL_MANAGER    VIEW_ADMINISTRATIVE_UNITS  yes yes yes yes
			PROVINCIAL_MANAGER    VIEW_AGENCIES              yes yes yes yes
			PROVINCIAL_MANAGER    MANAGE_AGENCIES            yes yes no  yes
			PROVINCIAL_MANAGER    MANAGE_USERS               no  no  no  no
			PROVINCIAL_MANAGER    RESET_SECOND_FACTOR        no  no  no  no
			PROVINCIAL_MANAGER    MANAGE_API_TOKENS          no  no  no  no
			PROVINCIAL_MANAGER    VIEW_AUDIT_LOG             yes yes no  yes
			PROVINCIAL_MANAGER    VIEW_API_DOCUMENTATION     no  no  no  no
			PROVINCIAL_MANAGER    RECORD_REPORT              yes yes no  yes
			PROVINCIAL_MANAGER    VIEW_CHILD_RECORDS         yes yes no  yes
			PROVINCIAL_MANAGER    VIEW_REPORTER_IDENTITY     yes yes no  yes
			PROVINCIAL_MANAGER    MANAGE_CASES               no  no  no  no
			PROVINCIAL_MANAGER    DECIDE_ON_CASES            no  no  no  no
			PROVINCIAL_MANAGER    HANDLE_REFERRALS           yes yes no  yes
			PROVINCIAL_MANAGER    MANAGE_ACTION_PLANS        yes yes no  yes
			PROVINCIAL_MANAGER    SUBMIT_PLAN_REPORTS        no  no  no  no
			PROVINCIAL_MANAGER    VIEW_STATISTICS            yes yes no  yes
			PROVINCIAL_MANAGER    MANAGE_WORKING_CALENDAR    yes yes no  yes
			PROVINCIAL_MANAGER    VIEW_CASES                 yes yes no  yes
			PROVINCIAL_MANAGER    BREAK_GLASS                yes yes yes yes
			PROVINCIAL_MANAGER    MANAGE_CASE_SETTINGS       no  no  no  no
			PROVINCIAL_MANAGER    ANSWER_REFERRALS           no  no  no  no
			PROVINCIAL_MANAGER    MANAGE_REFERRAL_SETTINGS   no  no  no  no
			AGENCY_FOCAL_POINT    VIEW_ADMINISTRATIVE_UNITS  yes yes yes yes
			AGENCY_FOCAL_POINT    VIEW_AGENCIES              yes yes yes yes
			AGENCY_FOCAL_POINT    MANAGE_AGENCIES            yes yes no  no
			AGENCY_FOCAL_POINT    MANAGE_USERS               no  no  no  no
			AGENCY_FOCAL_POINT    RESET_SECOND_FACTOR        no  no  no  no
			AGENCY_FOCAL_POINT    MANAGE_API_TOKENS          no  no  no  no
			AGENCY_FOCAL_POINT    VIEW_AUDIT_LOG             no  no  no  no
			AGENCY_FOCAL_POINT    VIEW_API_DOCUMENTATION     no  no  no  no
			AGENCY_FOCAL_POINT    RECORD_REPORT              yes yes no  yes
			AGENCY_FOCAL_POINT    VIEW_CHILD_RECORDS         no  no  no  no
			AGENCY_FOCAL_POINT    VIEW_REPORTER_IDENTITY     no  no  no  no
			AGENCY_FOCAL_POINT    MANAGE_CASES               no  no  no  no
			AGENCY_FOCAL_POINT    DECIDE_ON_CASES            no  no  no  no
			AGENCY_FOCAL_POINT    HANDLE_REFERRALS           no  no  no  no
			AGENCY_FOCAL_POINT    MANAGE_ACTION_PLANS        no  no  no  no
			AGENCY_FOCAL_POINT    SUBMIT_PLAN_REPORTS        yes yes no  no
			AGENCY_FOCAL_POINT    VIEW_STATISTICS            no  no  no  no
			AGENCY_FOCAL_POINT    MANAGE_WORKING_CALENDAR    no  no  no  no
			AGENCY_FOCAL_POINT    VIEW_CASES                 no  no  no  no
			AGENCY_FOCAL_POINT    BREAK_GLASS                no  no  no  no
			AGENCY_FOCAL_POINT    MANAGE_CASE_SETTINGS       no  no  no  no
			AGENCY_FOCAL_POINT    ANSWER_REFERRALS           yes yes no  no
			AGENCY_FOCAL_POINT    MANAGE_REFERRAL_SETTINGS   no  no  no  no
			PLAN_REPORTER         VIEW_ADMINISTRATIVE_UNITS  yes yes yes yes
			PLAN_REPORTER         VIEW_AGENCIES              yes yes yes yes
			PLAN_REPORTER         MANAGE_AGENCIES            no  no  no  no
			PLAN_REPORTER         MANAGE_USERS               no  no  no  no
			PLAN_REPORTER         RESET_SECOND_FACTOR        no  no  no  no
			PLAN_REPORTER         MANAGE_API_TOKENS          no  no  no  no
			PLAN_REPORTER         VIEW_AUDIT_LOG             no  no  no  no
			PLAN_REPORTER         VIEW_API_DOCUMENTATION     no  no  no  no
			PLAN_REPORTER         RECORD_REPORT              no  no  no  no
			PLAN_REPORTER         VIEW_CHILD_RECORDS         no  no  no  no
			PLAN_REPORTER         VIEW_REPORTER_IDENTITY     no  no  no  no
			PLAN_REPORTER         MANAGE_CASES               no  no  no  no
			PLAN_REPORTER         DECIDE_ON_CASES            no  no  no  no
			PLAN_REPORTER         HANDLE_REFERRALS           no  no  no  no
			PLAN_REPORTER         MANAGE_ACTION_PLANS        no  no  no  no
			PLAN_REPORTER         SUBMIT_PLAN_REPORTS        yes yes no  yes
			PLAN_REPORTER         VIEW_STATISTICS            yes yes no  yes
			PLAN_REPORTER         MANAGE_WORKING_CALENDAR    no  no  no  no
			PLAN_REPORTER         VIEW_CASES                 no  no  no  no
			PLAN_REPORTER         BREAK_GLASS                no  no  no  no
			PLAN_REPORTER         MANAGE_CASE_SETTINGS       no  no  no  no
			PLAN_REPORTER         ANSWER_REFERRALS           no  no  no  no
			PLAN_REPORTER         MANAGE_REFERRAL_SETTINGS   no  no  no  no
			STATISTICIAN          VIEW_ADMINISTRATIVE_UNITS  yes yes yes yes
			STATISTICIAN          VIEW_AGENCIES              no  no  no  no
			STATISTICIAN          MANAGE_AGENCIES            no  no  no  no
			STATISTICIAN          MANAGE_USERS               no  no  no  no
			STATISTICIAN          RESET_SECOND_FACTOR        no  no  no  no
			STATISTICIAN          MANAGE_API_TOKENS          no  no  no  no
			STATISTICIAN          VIEW_AUDIT_LOG             no  no  no  no
			STATISTICIAN          VIEW_API_DOCUMENTATION     no  no  no  no
			STATISTICIAN          RECORD_REPORT              no  no  no  no
			STATISTICIAN          VIEW_CHILD_RECORDS         no  no  no  no
			STATISTICIAN          VIEW_REPORTER_IDENTITY     no  no  no  no
			STATISTICIAN          MANAGE_CASES               no  no  no  no
			STATISTICIAN          DECIDE_ON_CASES            no  no  no  no
			STATISTICIAN          HANDLE_REFERRALS           no  no  no  no
			STATISTICIAN          MANAGE_ACTION_PLANS        no  no  no  no
			STATISTICIAN          SUBMIT_PLAN_REPORTS        no  no  no  no
			STATISTICIAN          VIEW_STATISTICS            yes yes no  yes
			STATISTICIAN          MANAGE_WORKING_CALENDAR    no  no  no  no
			STATISTICIAN          VIEW_CASES                 no  no  no  no
			STATISTICIAN          BREAK_GLASS                no  no  no  no
			STATISTICIAN          MANAGE_CASE_SETTINGS       no  no  no  no
			STATISTICIAN          ANSWER_REFERRALS           no  no  no  no
			STATISTICIAN          MANAGE_REFERRAL_SETTINGS   no  no  no  no
			""";

	private static final AgencyId OWN_AGENCY = new AgencyId(900_001);

	private static final AgencyId OTHER_AGENCY = new AgencyId(900_002);

	@Autowired
	Authorization authorization;

	@Autowired
	TestUnits testUnits;

	private UnitId province;

	private UnitId commune;

	private UnitId otherCommune;

	@BeforeEach
	void units() {
		province = testUnits.canTho();
		commune = testUnits.caiKhe();
		otherCommune = testUnits.ninhKieu();
	}

	record Row(Role role, Action action, boolean ownUnit, boolean unitBelow, boolean otherCommune,
			boolean otherAgency) {
	}

	static Stream<Row> matrix() {
		return MATRIX.lines()
			.map(String::strip)
			.filter(l -> !l.isEmpty())
			.map(l -> l.split("\\s+"))
			.map(c -> new Row(Role.valueOf(c[0]), Action.valueOf(c[1]), yes(c[2]), yes(c[3]), yes(c[4]), yes(c[5])));
	}

	private static boolean yes(String cell) {
		return switch (cell) {
			case "yes" -> true;
			case "no" -> false;
			default -> throw new IllegalArgumentException(cell);
		};
	}

	@Test
	void coversEveryRoleAndEveryAction() {
		List<Row> rows = matrix().toList();
		assertThat(rows).hasSize(Role.values().length * Action.values().length);
		for (Role role : Role.values()) {
			assertThat(rows.stream().filter(r -> r.role() == role).map(Row::action))
				.containsExactlyInAnyOrder(Action.values());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("matrix")
	void decidesByRoleActionAndWhereTheResourceIs(Row row) {
		CurrentUser communeUser = new CurrentUser(1, "u", "u", Set.of(row.role()), commune, OWN_AGENCY);
		CurrentUser provinceUser = new CurrentUser(2, "p", "p", Set.of(row.role()), province, OWN_AGENCY);
		assertThat(decide(communeUser, row.action(), commune, OWN_AGENCY)).as("own unit").isEqualTo(row.ownUnit());
		assertThat(decide(provinceUser, row.action(), commune, OWN_AGENCY)).as("unit below").isEqualTo(row.unitBelow());
		assertThat(decide(communeUser, row.action(), otherCommune, OWN_AGENCY)).as("other commune")
			.isEqualTo(row.otherCommune());
		assertThat(decide(communeUser, row.action(), commune, OTHER_AGENCY)).as("other agency")
			.isEqualTo(row.otherAgency());
	}

	@Test
	void refusesAUserWithoutRolesEverything() {
		CurrentUser nobody = new CurrentUser(3, "n", "n", Set.of(), province, null);
		assertThat(Arrays.stream(Action.values()).filter(a -> decide(nobody, a, province, null))).isEmpty();
	}

	@Test
	void combinesTheGrantsOfSeveralRoles() {
		CurrentUser both = new CurrentUser(4, "b", "b", Set.of(Role.STATISTICIAN, Role.COMMUNE_CHAIR), commune, null);
		assertThat(decide(both, Action.DECIDE_ON_CASES, commune, null)).isTrue();
		assertThat(decide(both, Action.MANAGE_USERS, commune, null)).isFalse();
	}

	@Test
	void requiresTheSecondFactorForEveryRoleThatReachesChildDataAndForAdministrators() {
		assertThat(Arrays.stream(Role.values()).filter(r -> Authorization.secondFactorRequired(Set.of(r))))
			.containsExactlyInAnyOrder(Role.SYSTEM_ADMINISTRATOR, Role.HOTLINE_OPERATOR, Role.COMMUNE_OFFICER,
					Role.COMMUNE_CHAIR, Role.PROVINCIAL_MANAGER, Role.AGENCY_FOCAL_POINT);
	}

	private boolean decide(CurrentUser user, Action action, UnitId where, AgencyId owner) {
		return authorization.decide(user, action, ResourceScope.at(where).ownedBy(owner)).allowed();
	}

}
