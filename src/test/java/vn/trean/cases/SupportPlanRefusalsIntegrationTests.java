package vn.trean.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import vn.trean.IntegrationTest;
import vn.trean.TestUserAgent;
import vn.trean.shared.AgencyId;
import vn.trean.shared.WebShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A support plan refused as typed, never a 500: a measure ending before it starts, an
 * agency not in the province's directory, more measures than a plan may have; the form
 * comes back with the translated error and nothing is saved.
 */
@IntegrationTest
class SupportPlanRefusalsIntegrationTests extends SupportPlanFormFixture {

	@Autowired
	MessageSource messages;

	@Test
	void aMeasureEndingBeforeItStartsIsRefusedOnItsOwnRow() {
		CaseId id = inPlanning("Văn Thị Hoa");
		List<Row> rows = List.of(new Row("MEDICAL_CARE", "Đúng", null, "Người A", 0, 5, ""),
				new Row("LEGAL_AID", "Ngược ngày", null, "Người B", 10, 2, ""));

		TestUserAgent.Response refused = agent.post(path(id), form(id, rows));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains(message("validation.end-before-start"), "Ngược ngày", "Người A");
		assertThat(refused.body().lastIndexOf(message("validation.end-before-start")))
			.isGreaterThan(refused.body().indexOf("name=\"measures[1].endBy\""));
		assertThat(saved(id)).isZero();
	}

	@Test
	void anAgencyNotInTheDirectoryOrOutsideTheProvinceIsRefusedAndNothingSaved() {
		CaseId id = inPlanning("Khúc Thị Mơ");
		AgencyId haNoi = agency("Sở Y tế Hà Nội " + System.nanoTime() % 100000, "01");

		for (AgencyId agency : List.of(new AgencyId(987_654_321L), haNoi)) {
			TestUserAgent.Response refused = agent.post(path(id),
					form(id, List.of(new Row("MEDICAL_CARE", "Khám", agency, "", 0, 5, ""))));

			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.body()).contains(message("case.plan.agency-unknown"), "Khám");
		}
		assertThat(saved(id)).isZero();
	}

	@Test
	void aRowWithNeitherAgencyNorPersonOrAnUnreadableAgencyIsRefusedNeverA500() {
		CaseId id = inPlanning("Lục Văn Bình");
		List<Map.Entry<String, String>> unreadable = form(id,
				List.of(new Row("MEDICAL_CARE", "Khám", null, "", 0, 5, "")));

		TestUserAgent.Response nobody = agent.post(path(id), unreadable);
		unreadable.replaceAll(e -> e.getKey().endsWith(".agency") ? Map.entry(e.getKey(), "abc") : e);
		TestUserAgent.Response garbled = agent.post(path(id), unreadable);
		TestUserAgent.Response farRow = agent.post(path(id), List.of(Map.entry("version", "1"), Map.entry("goals", "x"),
				Map.entry("measures[5000].measure", "OTHER"), Map.entry("edit", "add")));

		assertThat(nobody.status()).isEqualTo(422);
		assertThat(nobody.body()).contains(message("case.plan.responsible-required"));
		assertThat(garbled.status()).isEqualTo(422);
		TestUserAgent.Response badDate = agent.post(path(id), List.of(Map.entry("version", "1"),
				Map.entry("measures[0].startOn", "2026-13-45"), Map.entry("edit", "add")));
		assertThat(badDate.status()).isEqualTo(200);
		assertThat(farRow.status()).isEqualTo(422);
		assertThat(farRow.body()).contains(message("case.plan.measures-too-many"));
		assertThat(agent.post(path(id),
				List.of(Map.entry("version", "1"), Map.entry("measures[0].details", "Đầu"),
						Map.entry("measures[7].details", "Cuối"), Map.entry("edit", "up-x")))
			.body()).contains("Đầu", "Cuối", "name=\"measures[7].details\"");
		assertThat(saved(id)).isZero();
	}

	@Test
	void aPlanMayHaveThirtyMeasuresAndNotMore() {
		CaseId id = inPlanning("Mạc Thị Duyên");
		List<Row> thirty = new ArrayList<>(
				Collections.nCopies(SupportPlan.MAX_MEASURES, new Row("OTHER", "Việc", null, "Người", 0, 5, "")));

		TestUserAgent.Response full = agent.post(path(id), form(id, thirty, "edit", "add"));
		thirty.add(new Row("OTHER", "Thứ ba mươi mốt", null, "Người", 0, 5, ""));
		TestUserAgent.Response tooMany = agent.post(path(id), form(id, thirty));

		assertThat(full.status()).isEqualTo(422);
		assertThat(full.body()).contains(message("case.plan.measures-too-many"), "name=\"measures[29].measure\"")
			.doesNotContain("name=\"measures[30].measure\"");
		assertThat(tooMany.status()).isEqualTo(422);
		assertThat(tooMany.body()).contains(message("case.plan.measures-too-many"));
		assertThat(saved(id)).isZero();
		thirty.remove(SupportPlan.MAX_MEASURES);
		assertThat(agent.post(path(id), form(id, thirty)).status()).isEqualTo(302);
		assertThat(saved(id)).isOne();
	}

	private static String path(CaseId id) {
		return "/cases/" + id.value() + "/forms/plan";
	}

	private long saved(CaseId id) {
		return jdbc.sql("SELECT count(*) FROM case_form WHERE case_id = ? AND form = 'SUPPORT_PLAN'")
			.param(id.value())
			.query(Long.class)
			.single();
	}

	private String message(String key) {
		return messages.getMessage(key, null, WebShell.VIETNAMESE);
	}

}
