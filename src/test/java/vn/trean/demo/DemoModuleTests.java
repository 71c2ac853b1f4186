package vn.trean.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import vn.trean.ModuleTest;
import vn.trean.cases.CaseId;
import vn.trean.cases.CaseReferrals;
import vn.trean.geography.Geography;
import vn.trean.identity.Accounts;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.referrals.ReferralInbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data with every module it depends on, directly or through intake, and the case
 * work (the 12-hour clock intake asks for): started with the demo profile, it leaves one
 * labelled account per demo role, acting where the demo says, its two reports, and the
 * referrals of Cái Khế's demo case. The data is loaded once per database, so it may have
 * been loaded by an earlier context.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "cases")
@ModuleTest
class DemoModuleTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Geography geography;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReferralInbox inbox;

	@Autowired
	CaseReferrals caseReferrals;

	@Test
	void leavesEveryDemoAccountActingWhereTheDemoSaysAndItsTwoReports() {
		for (DemoData.DemoAccount account : DemoData.ACCOUNTS) {
			CurrentUser user = accounts.current(idOf(account.username())).orElseThrow();
			assertThat(user.displayName()).startsWith("[DEMO]");
			assertThat(user.roles()).containsExactly(account.role());
			assertThat(user.jurisdiction())
				.isEqualTo(geography.unitByCode(account.unitCode(), geography.today()).orElseThrow().id());
		}
		assertThat(jdbc.sql("""
				SELECT c.full_name FROM report_child c JOIN report r ON r.id = c.report_id
				JOIN app_user u ON u.id = r.received_by
				WHERE u.username = 'demo.hotline' AND u.demo ORDER BY c.full_name""").query(String.class).list())
			.containsExactly("[DEMO] Lê Văn Tú", "[DEMO] Trần Thị Mai");
	}

	@Test
	void givesFourChildrenOfCaiKheSpecialCircumstancesAndTheirSupportsOneOfThemEnded() {
		assertThat(jdbc.sql("""
				SELECT c.full_name || ' ' || v.group_code || ' ' || (v.ended_on IS NOT NULL) FROM circumstance_entry e
				JOIN circumstance_entry_version v ON v.entry_id = e.id AND v.version = e.version
				JOIN child c ON c.id = e.child_id WHERE e.demo ORDER BY e.id""").query(String.class).list())
			.containsExactly("[DEMO] Trần Thị Mai SEXUALLY_ABUSED false",
					"[DEMO] Nguyễn Văn An ORPHANED_BOTH_PARENTS false", "[DEMO] Lý Thị Bình DISABILITY false",
					"[DEMO] Võ Minh Châu DROPPED_OUT_TO_EARN_LIVING true");
		assertThat(jdbc.sql("SELECT count(*) FROM support_entry WHERE demo").query(Long.class).single()).isEqualTo(6);
	}

	@Test
	void entersTheChildPopulationOfTheCityCaiKheAndNinhKieuForTheRecentYearsAPlanCoversFlaggedDemo() {
		int thisYear = geography.today().getYear();
		java.util.List<Integer> years = java.util.stream.IntStream
			.rangeClosed(thisYear - DemoPopulation.YEARS + 1, thisYear)
			.filter(y -> jdbc
				.sql("SELECT count(*) FROM plan WHERE number = '55/KH-UBND' AND ? BETWEEN start_year " + "AND end_year")
				.param(y)
				.query(Long.class)
				.single() > 0)
			.boxed()
			.toList();
		java.util.List<String> expected = new java.util.ArrayList<>();
		for (String code : java.util.List.of("31120", "31135", "92")) {
			years.forEach(y -> expected.add(code + " " + y));
		}
		java.util.List<String> entered = jdbc.sql("""
				SELECT u.code || ' ' || d.year FROM reference_denominator d
				JOIN administrative_unit u ON u.id = d.unit_id
				WHERE d.demo AND d.kind = 'CHILDREN' AND d.entered_by = 'demo.manager'""").query(String.class).list();

		assertThat(entered).as("the demo years a plan covers").containsAll(expected);
		assertThat(entered)
			.allMatch(e -> Integer.parseInt(e.substring(e.indexOf(' ') + 1)) > thisYear - DemoPopulation.YEARS);
		assertThat(jdbc.sql("SELECT count(*) FROM reference_denominator WHERE demo AND kind <> 'CHILDREN'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void leavesCaiKhesDemoCaseFlaggedDemoAndReferredToItsPoliceHealthStationAndSchoolInThreeStatesOnTheGirlsAndMothersConsent() {
		assertThat(jdbc.sql("""
				SELECT a.sector || ' ' || f.username || ' ' || h.username FROM agency a
				JOIN app_user h ON h.id = a.head_user_id AND h.agency_id = a.id AND h.demo
				JOIN app_user f ON f.agency_id = a.id AND f.id <> h.id AND f.demo
				WHERE a.demo AND a.name LIKE '[DEMO]%Cái Khế' ORDER BY a.sector""").query(String.class).list())
			.containsExactly("HEALTH_FACILITY demo.health demo.health.head", "POLICE demo.police demo.police.head",
					"SCHOOL demo.focal demo.school.head");
		assertThat(jdbc.sql("""
				SELECT a.sector || ' ' || r.state || ' ' || r.purpose FROM referral r
				JOIN agency a ON a.id = r.agency_id JOIN child c ON c.id = r.child_id
				WHERE r.demo AND c.full_name = '[DEMO] Trần Thị Mai' ORDER BY a.sector""").query(String.class).list())
			.containsExactly("HEALTH_FACILITY IN_PROGRESS HEALTH_CARE", "POLICE SENT INVESTIGATION",
					"SCHOOL COMPLETED EDUCATION_SUPPORT");
		assertThat(jdbc.sql("""
				SELECT DISTINCT g.role || ' ' || g.method || ' ' || g.witness_name FROM consent_giver g
				JOIN referral_consent k ON k.id = g.consent_id JOIN referral r ON r.sent_consent_id = k.id
				JOIN child c ON c.id = r.child_id
				WHERE r.demo AND c.full_name = '[DEMO] Trần Thị Mai' AND k.withdrawn_at IS NULL ORDER BY 1""")
			.query(String.class)
			.list()).containsExactly("CHILD ORAL [DEMO] Cán bộ BVTE phường Cái Khế",
					"PARENT ORAL [DEMO] Cán bộ BVTE phường Cái Khế");
		assertThat(jdbc
			.sql("""
					SELECT DISTINCT p.status || ' demo=' || p.demo FROM protection_case p JOIN referral r ON r.case_id = p.id
					JOIN child c ON c.id = r.child_id WHERE r.demo AND c.full_name = '[DEMO] Trần Thị Mai'""")
			.query(String.class)
			.list()).containsExactly("INITIAL_ASSESSMENT demo=true");
	}

	@Test
	void eachDemoFocalPointFindsItsReferralInItsInboxAndTheDemoOfficerTheThreeOnTheCasePage() {
		assertThat(inbox("demo.police")).containsExactly("SENT");
		assertThat(inbox("demo.health.head")).containsExactly("IN_PROGRESS");
		assertThat(inbox("demo.focal")).containsExactly("COMPLETED");
		CaseId demoCase = new CaseId(jdbc.sql("""
				SELECT DISTINCT r.case_id FROM referral r JOIN child c ON c.id = r.child_id
				WHERE r.demo AND c.full_name = '[DEMO] Trần Thị Mai'""").query(java.util.UUID.class).single());
		assertThat(caseReferrals.listedOn(accounts.current(idOf("demo.officer")).orElseThrow(), demoCase))
			.extracting(CaseReferrals.ReferralLine::stateKey)
			.containsExactlyInAnyOrder("referral.state.SENT", "referral.state.IN_PROGRESS", "referral.state.COMPLETED");
	}

	private java.util.List<String> inbox(String username) {
		Actor focal = Actor.of(accounts.current(idOf(username)).orElseThrow(), "127.0.0.1");
		return inbox.of(focal, 0).items().stream().map(r -> r.status().name()).toList();
	}

	private long idOf(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = ? AND demo")
			.param(username)
			.query(Long.class)
			.single();
	}

}
