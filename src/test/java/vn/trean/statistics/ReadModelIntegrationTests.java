package vn.trean.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.cases.CaseChanged;
import vn.trean.cases.CaseForms;
import vn.trean.cases.CaseId;
import vn.trean.cases.CaseWorkflow;
import vn.trean.cases.InitialAssessment;
import vn.trean.cases.Rating;
import vn.trean.cases.RiskItem;
import vn.trean.cases.SupportMeasure;
import vn.trean.cases.TestCases;
import vn.trean.cases.TestCommune;
import vn.trean.children.ChildId;
import vn.trean.children.ChildReference;
import vn.trean.children.DemoCircumstanceRecords;
import vn.trean.children.SpecialCircumstance;
import vn.trean.children.SpecialCircumstancesChanged;
import vn.trean.children.SupportKind;
import vn.trean.identity.Actor;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.intake.ReportId;
import vn.trean.intake.Setting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read model the listeners keep equals what the sources say, after a random sequence
 * of steps on a few cases, when every event is handled again, and when the rows are
 * recomputed from the sources.
 */
@IntegrationTest
class ReadModelIntegrationTests {

	/**
	 * Phường Thới An Đông: a commune of its own, so this test's reports never crowd the
	 * inboxes other tests read (Cái Khế's, Tân An's).
	 */
	private static final String THOI_AN_DONG = "31174";

	@Autowired
	TestCommune commune;

	@Autowired
	TestCases testCases;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestUnits units;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	CaseForms forms;

	@Autowired
	StatisticsListeners listeners;

	@Autowired
	StatisticsReadModel model;

	@Autowired
	StatisticsRebuild rebuild;

	@Autowired
	DemoCircumstanceRecords records;

	@Autowired
	JdbcClient jdbc;

	private Actor officer;

	private Actor chair;

	private final List<CaseId> cases = new ArrayList<>();

	@BeforeEach
	void officers() {
		officer = Actor.of(testCases.user(accounts.create(Role.COMMUNE_OFFICER, THOI_AN_DONG)), "127.0.0.1");
		chair = Actor.of(testCases.user(accounts.create(Role.COMMUNE_CHAIR, THOI_AN_DONG)), "127.0.0.1");
	}

	@Test
	void afterARandomSequenceOfStepsTheReadModelSaysWhatTheSourcesSayAndAReplayChangesNothing() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		HarmForm[] harms = { HarmForm.VIOLENCE, HarmForm.SEXUAL_RAPE, HarmForm.NEGLECT, HarmForm.TRAFFICKING };
		for (int i = 0; i < 4; i++) {
			cases.add(commune.reported(ReportDrafts.at(units.id(THOI_AN_DONG))
				.withChild("Lê Văn Tám " + UUID.randomUUID().toString().substring(0, 5), 4 + i * 3)
				.withHarm(harms[i])
				.withSetting(Setting.values()[random.nextInt(Setting.values().length)])
				.build()));
		}
		List<String> steps = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			CaseId id = cases.get(random.nextInt(cases.size()));
			steps.add(step(id, random));
		}
		awaitListeners();
		String described = "seed " + seed + ", steps " + steps;
		assertThat(sourceView()).as(described).isEqualTo(readModelView());
		String kept = snapshot();

		Instant now = Instant.now();
		cases.forEach(id -> listeners.on(new CaseChanged(id, now)));
		reports().forEach(id -> model.reports(List.of(id)));
		assertThat(snapshot()).as("replayed, " + described).isEqualTo(kept);

		for (String table : List.of("stat_circumstance", "stat_support", "stat_case")) {
			jdbc.sql("DELETE FROM " + table + " WHERE case_id = ANY(:ids)").param("ids", ids()).update();
		}
		rebuild.rebuild();
		assertThat(snapshot()).as("rebuilt, " + described).isEqualTo(kept);
	}

	@Test
	void aGroupRecordedOnTheChildsRecordAndOneHerCaseImpliesAreBothKeptAndAReplayChangesNothing() {
		CaseId id = commune.reported(ReportDrafts.at(units.id(THOI_AN_DONG))
			.withChild("Đỗ Thị Hoa " + UUID.randomUUID().toString().substring(0, 5), 10)
			.withHarm(HarmForm.SEXUAL_MOLESTATION)
			.build());
		cases.add(id);
		workflow.confirmHarm(officer, id, testCases.version(id), "Có dấu hiệu bị xâm hại");
		long child = jdbc.sql("SELECT child_id FROM case_child WHERE case_id = :id")
			.param("id", id.value())
			.query(Long.class)
			.single();
		ChildReference reference = ChildReference.valueOf(jdbc.sql("SELECT reference::text FROM child WHERE id = :id")
			.param("id", child)
			.query(String.class)
			.single());
		LocalDate today = LocalDate.now(vn.trean.shared.Time.ZONE);
		long entry = records.entry(officer, reference, SpecialCircumstance.DISABILITY, today.minusDays(20), null,
				"Giấy xác nhận khuyết tật");
		records.support(officer, reference, SupportKind.HEALTHCARE, today.minusDays(10), null, null, "Trạm y tế");
		// recorded through the demo's door, they are this test's records, not the demo's
		for (String table : List.of("circumstance_entry", "support_entry")) {
			jdbc.sql("UPDATE " + table + " SET demo = FALSE WHERE child_id = :child").param("child", child).update();
		}
		awaitListeners();

		assertThat(jdbc
			.sql("SELECT grp || ' ' || source || ' ' || started_on FROM stat_circumstance "
					+ "WHERE child_id = :child ORDER BY grp")
			.param("child", child)
			.query(String.class)
			.list()).containsExactly("DISABILITY RECORD " + today.minusDays(20), "SEXUALLY_ABUSED CASE " + today);
		String kept = childRows(child);
		listeners.on(new SpecialCircumstancesChanged(new ChildId(child), Instant.now()));
		listeners.on(new CaseChanged(id, Instant.now()));
		assertThat(childRows(child)).isEqualTo(kept).contains("RECORD," + entry, "HEALTHCARE");

		jdbc.sql("DELETE FROM stat_circumstance WHERE child_id = :child").param("child", child).update();
		jdbc.sql("DELETE FROM stat_support WHERE child_id = :child").param("child", child).update();
		rebuild.rebuild();
		assertThat(childRows(child)).isEqualTo(kept);
	}

	private String childRows(long child) {
		return jdbc.sql("""
				SELECT coalesce((SELECT string_agg(t::text, ';' ORDER BY t::text) FROM stat_circumstance t
				  WHERE child_id = :child), '') || '|' || coalesce((SELECT string_agg(t::text, ';' ORDER BY t::text)
				  FROM stat_support t WHERE child_id = :child), '')""")
			.param("child", child)
			.query(String.class)
			.single();
	}

	/** Takes one step the case's state offers, as its officer or chair; what it took. */
	private String step(CaseId id, Random random) {
		String status = jdbc.sql("SELECT status FROM protection_case WHERE id = :id")
			.param("id", id.value())
			.query(String.class)
			.single();
		int version = testCases.version(id);
		int pick = random.nextInt(4);
		switch (status) {
			case "RECEIVED", "VERIFYING" -> {
				if (pick == 0) {
					workflow.closeAsNotSubstantiated(officer, id, version, "Không có dấu hiệu");
					return "not-substantiated";
				}
				workflow.confirmHarm(officer, id, version, "Có dấu hiệu bị xâm hại");
				return "confirm";
			}
			case "CLOSED", "NOT_SUBSTANTIATED" -> {
				workflow.reopen(chair, id, version, "Có thông tin mới");
				return "reopen";
			}
			case "INITIAL_ASSESSMENT" -> {
				if (pick == 0) {
					forms.recordEmergencyDecision(chair, id, version, commune.emergencyDecision());
					return "emergency";
				}
				if (pick == 1) {
					secondReport(id);
					return "second report";
				}
				forms.recordInitialAssessment(officer, id, version, assessment());
				return "assessment";
			}
			default -> {
				workflow.recordService(officer, id, version, new CaseWorkflow.ServiceDelivered(
						SupportMeasure.values()[pick], null, LocalDate.now(vn.trean.shared.Time.ZONE), "Đã hỗ trợ"));
				return "service";
			}
		}
	}

	/** Another report about the case's child, which the case takes in. */
	private void secondReport(CaseId id) {
		String reference = jdbc
			.sql("SELECT c.reference::text FROM case_child cc JOIN child c ON c.id = cc.child_id "
					+ "WHERE cc.case_id = :id ORDER BY c.id LIMIT 1")
			.param("id", id.value())
			.query(String.class)
			.single();
		commune.reported(ReportDrafts.at(units.id(THOI_AN_DONG))
			.withChild("Lê Văn Tám", 8, reference)
			.withHarm(HarmForm.EXPLOITATION)
			.build());
	}

	private static InitialAssessment assessment() {
		return new InitialAssessment(Arrays.stream(RiskItem.values())
			.map(item -> new InitialAssessment.RatedItem(item, Rating.MEDIUM, ""))
			.toList(), "Nguy cơ trung bình", false);
	}

	private void awaitListeners() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc
				.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
						+ "AND listener_id LIKE '%StatisticsListeners%'")
				.query(Long.class)
				.single() == 0);
	}

	/**
	 * What the sources say of the cases, read from their own tables by statements of this
	 * test (not the derivation): status, commune, officer, closing time, the clocks, the
	 * closings and reopenings, the children of the substantiated cases.
	 */
	private List<String> sourceView() {
		return jdbc.sql("""
				SELECT p.id || ' ' || p.status || ' ' || p.unit_id || ' ' || coalesce(p.assigned_officer_id::text, '-')
				  || ' closed ' || coalesce(p.closed_at::text, '-')
				  || ' clocks ' || (SELECT count(*) || '/' || count(met_at) FROM case_deadline d WHERE d.case_id = p.id)
				  || ' closings ' || (SELECT count(*) FROM case_entry e WHERE e.case_id = p.id
				       AND e.kind IN ('CLOSED', 'CLOSED_BY_OVERRIDE', 'NOT_SUBSTANTIATED'))
				  || ' reopened ' || (SELECT count(*) FROM case_entry e WHERE e.case_id = p.id AND e.kind = 'REOPENED')
				  || ' children ' || CASE WHEN (SELECT e.kind FROM case_entry e WHERE e.case_id = p.id
				       AND e.kind IN ('HARM_CONFIRMED', 'NOT_SUBSTANTIATED') ORDER BY e.at DESC, e.id DESC LIMIT 1)
				       = 'HARM_CONFIRMED' THEN (SELECT count(*) FROM case_child cc WHERE cc.case_id = p.id) ELSE 0 END
				FROM protection_case p WHERE p.id = ANY(:ids) ORDER BY p.id""")
			.param("ids", ids())
			.query(String.class)
			.list();
	}

	/** The same facts as the read model holds them. */
	private List<String> readModelView() {
		return jdbc
			.sql("""
					SELECT s.case_id || ' ' || s.status || ' ' || s.unit_id || ' ' || coalesce(s.officer_id::text, '-')
					  || ' closed ' || coalesce(s.closed_at::text, '-')
					  || ' clocks ' || (SELECT count(*) || '/' || count(met_at) FROM stat_case_deadline d
					       WHERE d.case_id = s.case_id)
					  || ' closings ' || (SELECT count(*) FROM stat_case_closure c WHERE c.case_id = s.case_id)
					  || ' reopened ' || (SELECT count(reopened_at) FROM stat_case_closure c WHERE c.case_id = s.case_id)
					  || ' children ' || (SELECT count(DISTINCT child_id) FROM stat_abused_child a WHERE a.case_id = s.case_id)
					FROM stat_case s WHERE s.case_id = ANY(:ids) ORDER BY s.case_id""")
			.param("ids", ids())
			.query(String.class)
			.list();
	}

	/** Every read-model row of the cases and their reports, as text. */
	private String snapshot() {
		StringBuilder all = new StringBuilder();
		for (String table : List.of("stat_case", "stat_case_deadline", "stat_case_closure", "stat_abused_child",
				"stat_circumstance", "stat_support")) {
			all.append(table)
				.append(jdbc
					.sql("SELECT string_agg(t::text, E'\\n' ORDER BY t::text) FROM " + table
							+ " t WHERE case_id = ANY(:ids)")
					.param("ids", ids())
					.query(String.class)
					.optional()
					.orElse(""))
				.append('\n');
		}
		all.append(jdbc
			.sql("SELECT string_agg(t::text, E'\\n' ORDER BY t::text) FROM stat_report t "
					+ "WHERE report_id IN (SELECT report_id FROM case_report WHERE case_id = ANY(:ids))")
			.param("ids", ids())
			.query(String.class)
			.optional()
			.orElse(""));
		return all.toString();
	}

	private List<ReportId> reports() {
		return jdbc.sql("SELECT report_id FROM case_report WHERE case_id = ANY(:ids)")
			.param("ids", ids())
			.query((rs, n) -> new ReportId(rs.getObject(1, UUID.class)))
			.list();
	}

	private UUID[] ids() {
		return cases.stream().map(CaseId::value).toArray(UUID[]::new);
	}

}
