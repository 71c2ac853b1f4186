package vn.trean.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trean.cases.SupportPlan.PlannedMeasure;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan's rows while it is edited and the rules it is saved under. */
class SupportPlanTests {

	static final LocalDate DAY = LocalDate.of(2026, 12, 1);

	@Test
	void blankRowsStayWhileEditingAndAreDroppedWhenSaved() {
		SupportPlan plan = plan(row("A"), PlannedMeasure.empty(), row("B")).withRowAdded();

		assertThat(plan.measures()).hasSize(4);
		assertThat(plan.withoutBlankRows().measures()).extracting(PlannedMeasure::details).containsExactly("A", "B");
		assertThat(plan.check().hasErrors()).isFalse();
	}

	@Test
	void rowsAreRemovedAndMovedAndAnIndexOutOfRangeChangesNothing() {
		SupportPlan plan = plan(row("A"), row("B"), row("C"));

		assertThat(details(plan.withRowRemoved(1))).containsExactly("A", "C");
		assertThat(details(plan.withRowMoved(2, -1))).containsExactly("A", "C", "B");
		assertThat(details(plan.withRowMoved(0, 1))).containsExactly("B", "A", "C");
		assertThat(details(plan.withRowMoved(0, -1))).containsExactly("A", "B", "C");
		assertThat(details(plan.withRowRemoved(7))).containsExactly("A", "B", "C");
	}

	@Test
	void errorsAreKeyedByTheRowAsTyped() {
		PlannedMeasure backwards = new PlannedMeasure(SupportMeasure.OTHER, "X", null, null, "Người", DAY,
				DAY.minusDays(1), null);
		PlannedMeasure nobody = new PlannedMeasure(SupportMeasure.OTHER, "Y", null, null, " ", DAY, DAY, null);

		var errors = plan(PlannedMeasure.empty(), backwards, nobody).check();

		assertThat(errors.get("measures[1].endBy")).isEqualTo("validation.end-before-start");
		assertThat(errors.get("measures[2].responsible")).isEqualTo("case.plan.responsible-required");
		assertThat(errors.has("measures[0].measure")).isFalse();
	}

	@Test
	void aPlanNeedsOneMeasureAndAtMostThirty() {
		List<PlannedMeasure> many = new ArrayList<>(Collections.nCopies(SupportPlan.MAX_MEASURES, row("A")));

		assertThat(plan(PlannedMeasure.empty()).check().get("measures")).isEqualTo("case.plan.measures-required");
		assertThat(new SupportPlan("G", many, "").check().hasErrors()).isFalse();
		many.add(row("B"));
		assertThat(new SupportPlan("G", many, "").check().get("measures")).isEqualTo("case.plan.measures-too-many");
	}

	@Test
	void theAgencyThePersonOrBothAreResponsible() {
		PlannedMeasure both = new PlannedMeasure(SupportMeasure.OTHER, null, new AgencyId(1), "Trạm y tế", "Chị Lan",
				DAY, DAY, null);

		assertThat(both.whoIsResponsible()).isEqualTo("Trạm y tế – Chị Lan");
		assertThat(both.namingAgency(null).whoIsResponsible()).isEqualTo("Chị Lan");
		assertThat(row("A").whoIsResponsible()).isEqualTo("Người");
	}

	static PlannedMeasure row(String details) {
		return new PlannedMeasure(SupportMeasure.OTHER, details, null, null, "Người", DAY, DAY, null);
	}

	static SupportPlan plan(PlannedMeasure... rows) {
		return new SupportPlan("Mục tiêu", List.of(rows), "");
	}

	static List<String> details(SupportPlan plan) {
		return plan.measures().stream().map(PlannedMeasure::details).toList();
	}

}
