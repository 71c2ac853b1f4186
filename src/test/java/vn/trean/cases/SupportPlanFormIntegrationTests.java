package vn.trean.cases;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.identity.Actor;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trean.TestPdfs.text;

/**
 * The support plan (Mẫu 04) edited through its form over HTTP: rows added, removed and
 * moved by submit buttons with everything typed kept, saved without its blank rows, and
 * every measure printed on Mẫu 04 and Mẫu 05; a plan stored in the first shape still
 * loads and prints.
 */
@IntegrationTest
class SupportPlanFormIntegrationTests extends SupportPlanFormFixture {

	@Test
	void threeMeasuresAddedThroughTheFormAreSavedAndPrintedOnMau04AndMau05() {
		CaseId id = inPlanning("Đinh Thu Hằng");
		AgencyId centre = agency("TT CTXH " + System.nanoTime() % 100000, TestUnits.CAN_THO);
		String centreName = directory.find(centre).orElseThrow().name();
		String path = "/cases/" + id.value() + "/forms/plan";
		List<Row> rows = new ArrayList<>(List.of(new Row("MEDICAL_CARE", "Khám sức khoẻ", centre, "", 0, 7, "Xe")));

		TestUserAgent.Response two = agent.post(path, form(id, rows, "edit", "add"));
		assertThat(two.status()).isEqualTo(200);
		assertThat(two.body()).contains("Khám sức khoẻ", "name=\"measures[1].measure\"")
			.doesNotContain("name=\"measures[2].measure\"");
		rows.add(new Row("PSYCHOLOGICAL_THERAPY", "Trị liệu", null, "Chị Lan", 1, 30, "Phòng tư vấn"));
		TestUserAgent.Response three = agent.post(path, form(id, rows, "edit", "add"));
		assertThat(three.body()).contains("Chị Lan", "name=\"measures[2].measure\"");
		rows.add(new Row("LEGAL_AID", "Trợ giúp pháp lý", null, "Luật sư Minh", 2, 60, ""));
		rows.add(Row.BLANK);

		assertThat(agent.post(path, form(id, rows)).status()).isEqualTo(302);

		SupportPlan saved = cases.open(Actor.of(officer, "ip"), id).forms().plan().data();
		assertThat(saved.measures()).extracting(SupportPlan.PlannedMeasure::measure)
			.containsExactly(SupportMeasure.MEDICAL_CARE, SupportMeasure.PSYCHOLOGICAL_THERAPY,
					SupportMeasure.LEGAL_AID);
		assertThat(saved.measures().get(0).agencyName()).isEqualTo(centreName);
		assertThat(agent.get("/cases/" + id.value()).body()).contains("Khám sức khoẻ", centreName, "Chị Lan",
				"Luật sư Minh");
		String plan = text(agent.download("/cases/" + id.value() + "/print/04").body());
		assertThat(plan).contains("Khám sức khoẻ", centreName, "Trị liệu tâm lý", "Chị Lan", "Phòng tư vấn",
				"Trợ giúp pháp lý", "Luật sư Minh");
		workflow.submitPlan(Actor.of(officer, "ip"), id, testCases.version(id));
		forms.decideOnPlan(Actor.of(chair, "ip"), id, testCases.version(id),
				new PlanDecision(true, "46/QĐ-UBND", today(), null));
		String decision = text(agent.download("/cases/" + id.value() + "/print/05").body());
		assertThat(decision).contains("46/QĐ-UBND", "Khám sức khoẻ", centreName, "Chị Lan", "Luật sư Minh");
	}

	@Test
	void removingAndMovingRowsKeepsWhatWasTypedInTheOtherRows() {
		CaseId id = inPlanning("Lưu Bảo Ngọc");
		String path = "/cases/" + id.value() + "/forms/plan";
		List<Row> rows = List.of(new Row("MEDICAL_CARE", "Hàng một", null, "Người A", 0, 5, ""),
				new Row("LEGAL_AID", "Hàng hai", null, "Người B", 0, 5, ""),
				new Row("OTHER", "Hàng ba", null, "Người C", 0, 5, ""));

		String removed = agent.post(path, form(id, rows, "edit", "remove-1")).body();
		String movedUp = agent.post(path, form(id, rows, "edit", "up-2")).body();
		String movedDown = agent.post(path, form(id, rows, "edit", "down-0")).body();

		assertThat(removed).contains("Hàng một", "Hàng ba").doesNotContain("Hàng hai", "measures[2]");
		assertThat(order(movedUp, "Hàng một", "Hàng hai", "Hàng ba")).containsExactly("Hàng một", "Hàng ba",
				"Hàng hai");
		assertThat(order(movedDown, "Hàng một", "Hàng hai", "Hàng ba")).containsExactly("Hàng hai", "Hàng một",
				"Hàng ba");
		assertThat(agent.post(path, form(id, rows, "edit", "up-0")).body()).contains("Hàng một");
		assertThat(cases.open(Actor.of(officer, "ip"), id).forms().plan()).isNull();
	}

	@Test
	void aPlanStoredInTheFirstShapeStillLoadsAndPrints() {
		CaseId id = inPlanning("Tạ Minh Châu");
		forms.draftPlan(Actor.of(officer, "ip"), id, testCases.version(id), ProtectionCaseTests.plan());
		jdbc.sql("""
				UPDATE case_form SET schema = 1, data = CAST(:data AS jsonb)
				WHERE case_id = :id AND form = 'SUPPORT_PLAN'""")
			.param("id", id.value())
			.param("data",
					"""
							{"goals": "Mục tiêu cũ", "resources": "Ngân sách xã", "measures": [{"measure": "SAFE_SHELTER",
							"responsible": "Nhà tạm lánh", "startOn": "%s", "endBy": "%s"}]}"""
						.formatted(today(), today().plusDays(9)))
			.update();

		assertThat(agent.get("/cases/" + id.value() + "/forms/plan").body()).contains("Nhà tạm lánh");
		assertThat(text(agent.download("/cases/" + id.value() + "/print/04").body())).contains("Mục tiêu cũ",
				"Nhà tạm lánh", "Ngân sách xã");
	}

}
