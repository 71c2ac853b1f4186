package vn.trean.referrals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.cases.CaseId;
import vn.trean.cases.TestCases;
import vn.trean.cases.TestCommune;
import vn.trean.directory.Directory;
import vn.trean.directory.Sector;
import vn.trean.identity.Actor;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Relation;
import vn.trean.intake.Setting;
import vn.trean.shared.AgencyId;

/**
 * What the referral tests share: a case of Tân An past verification about a girl, its
 * officer signed in, agencies of the directory with their focal points, and the steps as
 * a browser takes them.
 */
abstract class ReferralFixture {

	/** A text that appears only in the report's account, to find where it leaks. */
	static final String ACCOUNT = "Bị thầy giáo sàm sỡ sau giờ học ⟦ACCOUNT⟧";

	/**
	 * Phường Tân An, the commune of the referral tests' cases: another than Cái Khế,
	 * whose lists (which name each of its officers) other tests weigh.
	 */
	static final String TAN_AN = "31147";

	@LocalServerPort
	int port;

	@Autowired
	TestCommune commune;

	@Autowired
	TestCases testCases;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SharingGrounds grounds;

	String officerName;

	TestUserAgent officer;

	CaseId caseId;

	long child;

	/** The girl's name in the report: "Trần Thị Mai" and a suffix of this test's own. */
	String childName;

	@BeforeEach
	void aCaseOfSexualAbuseAtSchool() {
		officerName = testAccounts.create(vn.trean.identity.Role.COMMUNE_OFFICER, TAN_AN);
		Actor actor = Actor.of(testCases.user(officerName), "127.0.0.1");
		childName = "Trần Thị Mai " + UUID.randomUUID().toString().substring(0, 6);
		caseId = commune.harmConfirmed(
				theGirl(ReportDrafts.at(testUnits.id(TAN_AN)), childName).withHarm(HarmForm.SEXUAL_MOLESTATION)
					.withSetting(Setting.SCHOOL)
					.withPerpetrator(Relation.TEACHER)
					.withAccount(ACCOUNT)
					.withReporter("Nguyễn Văn Báo", "0901234567", Relation.NEIGHBOUR, false)
					.build(),
				actor, "Có dấu hiệu xâm hại");
		child = jdbc.sql("SELECT child_id FROM case_child WHERE case_id = :id")
			.param("id", caseId.value())
			.query(Long.class)
			.single();
		officer = new TestUserAgent(port);
		officer.signIn(officerName);
	}

	/**
	 * The girl as the report names her: a name and an age; a test may tell more of her.
	 */
	ReportDrafts theGirl(ReportDrafts report, String name) {
		return report.withChild(name, 9);
	}

	AgencyId agency(String name, Sector sector, String unitCode) {
		return directory
			.registerDemo(new Directory.AgencyDetails(name + " " + UUID.randomUUID().toString().substring(0, 6), sector,
					testUnits.id(unitCode), null, null, null, null));
	}

	/** A focal point of the agency, signed in. */
	TestUserAgent focalPoint(AgencyId agency, String unitCode) {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(testAccounts.create(Role.AGENCY_FOCAL_POINT, unitCode, agency, true));
		return agent;
	}

	/** Drafts a referral of the case's child as the officer; answers its id. */
	ReferralId draft(AgencyId agency, String... services) {
		return draft(agency, Map.of("supportRequested", "Hỗ trợ trẻ tại trường", "childClass", "Lớp 4A"), services);
	}

	/** Drafts a referral with what the officer types in the form's fields. */
	ReferralId draft(AgencyId agency, Map<String, String> typed, String... services) {
		TestUserAgent.Response r = postDraft(agency, typed, services);
		if (r.status() != 302) {
			throw new AssertionError("draft refused: " + r.status() + " " + r.body());
		}
		return ReferralId.valueOf(r.location().substring(r.location().lastIndexOf('/') + 1));
	}

	/** The officer's draft form posted as typed, refused or not. */
	TestUserAgent.Response postDraft(AgencyId agency, Map<String, String> typed, String... services) {
		var form = new java.util.ArrayList<Map.Entry<String, String>>();
		form.add(Map.entry("child", Long.toString(child)));
		form.add(Map.entry("agency", Long.toString(agency.value())));
		for (String s : services) {
			form.add(Map.entry("services", s));
		}
		form.addAll(typed.entrySet());
		return officer.post("/cases/" + caseId + "/referrals", form);
	}

	/**
	 * The girl's and her mother's consent for the purpose, given orally before the
	 * commune's officer as witness, recorded through the grounds service.
	 */
	long consent(String purpose) {
		java.time.LocalDateTime now = java.time.LocalDateTime.now(vn.trean.shared.Time.ZONE);
		SharingPurpose stated = SharingPurpose.valueOf(purpose);
		return grounds.recordConsent(Actor.of(testCases.user(officerName), "127.0.0.1"), caseId,
				new ConsentDraft(new vn.trean.children.ChildId(child), stated,
						stated == SharingPurpose.OTHER ? "Phối hợp theo dõi vụ việc" : null, null,
						java.util.List.of(
								new ConsentDraft.Giver(ConsentDraft.Role.CHILD, "Mai", ConsentDraft.Method.ORAL, now,
										"Cô Lan", "Cán bộ xã"),
								new ConsentDraft.Giver(ConsentDraft.Role.PARENT, "Mẹ của Mai", ConsentDraft.Method.ORAL,
										now, "Cô Lan", "Cán bộ xã")),
						false),
				null, testCases.version(caseId));
	}

	String code(ReferralId id) {
		return jdbc.sql("SELECT reference_code FROM referral WHERE id = :id")
			.param("id", id.value())
			.query(String.class)
			.single();
	}

	int version(ReferralId id) {
		return jdbc.sql("SELECT version FROM referral WHERE id = :id")
			.param("id", id.value())
			.query(Integer.class)
			.single();
	}

	String state(ReferralId id) {
		return jdbc.sql("SELECT state FROM referral WHERE id = :id")
			.param("id", id.value())
			.query(String.class)
			.single();
	}

	TestUserAgent.Response step(TestUserAgent agent, ReferralId id, String step, Map<String, String> fields) {
		var form = new java.util.HashMap<>(fields);
		form.put("version", Integer.toString(version(id)));
		return agent.post("/referrals/" + id + "/" + step, form);
	}

}
