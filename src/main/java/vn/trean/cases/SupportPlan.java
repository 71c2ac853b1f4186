package vn.trean.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;

/**
 * Mẫu 04, the support and intervention plan: goals, the measures chosen from LTE Art.
 * 49–50 with who is responsible, from when until when and with what, and the resources.
 * While the plan is being edited its rows stay as typed, blank ones too; blank rows are
 * dropped when it is saved ({@link #withoutBlankRows()}).
 * <p>
 * Schema 2 added a measure's details, agency and resources; a stored plan of schema 1
 * lacks them and reads with them empty.
 */
public record SupportPlan(@NotBlank @PlainText(max = 5000, markup = true) String goals,
		@Size(max = SupportPlan.MAX_MEASURES,
				message = "case.plan.measures-too-many") List<@Valid PlannedMeasure> measures,
		@PlainText(max = 5000, markup = true) String resources) {

	static final int SCHEMA = 2;

	static final int MAX_MEASURES = 30;

	public SupportPlan {
		measures = measures == null ? List.of()
				: measures.stream().map(m -> m == null ? PlannedMeasure.empty() : m).toList();
	}

	static SupportPlan blank() {
		return new SupportPlan("", List.of(), "");
	}

	/** The plan as saved: only the rows that say something. */
	SupportPlan withoutBlankRows() {
		return new SupportPlan(goals, measures.stream().filter(m -> !m.blank()).toList(), resources);
	}

	/** The same plan with one more blank row at the end. */
	SupportPlan withRowAdded() {
		return edited(rows -> {
			rows.add(PlannedMeasure.empty());
			return rows;
		});
	}

	/**
	 * The same plan without the row at {@code index}; an index out of range changes
	 * nothing.
	 */
	SupportPlan withRowRemoved(int index) {
		return edited(rows -> {
			if (index >= 0 && index < rows.size()) {
				rows.remove(index);
			}
			return rows;
		});
	}

	/**
	 * The same plan with the row at {@code index} swapped with its neighbour by
	 * {@code by}.
	 */
	SupportPlan withRowMoved(int index, int by) {
		return edited(rows -> {
			int to = index + by;
			if (index >= 0 && index < rows.size() && to >= 0 && to < rows.size()) {
				Collections.swap(rows, index, to);
			}
			return rows;
		});
	}

	SupportPlan withMeasures(List<PlannedMeasure> changed) {
		return new SupportPlan(goals, changed, resources);
	}

	private SupportPlan edited(UnaryOperator<List<PlannedMeasure>> edit) {
		return withMeasures(edit.apply(new ArrayList<>(measures)));
	}

	/**
	 * The rules of the rows that say something, keyed by the row as typed: a measure, who
	 * is responsible (an agency or a person), both dates, the end not before the start;
	 * at least one such row; no more rows than the limit.
	 */
	FormErrors check() {
		FormErrors errors = new FormErrors();
		boolean any = false;
		for (int i = 0; i < measures.size() && i < MAX_MEASURES; i++) {
			PlannedMeasure m = measures.get(i);
			if (!m.blank()) {
				any = true;
				m.check("measures[" + i + "].", errors);
			}
		}
		if (measures.size() > MAX_MEASURES) {
			errors.reject("measures", "case.plan.measures-too-many");
		}
		else if (!any) {
			errors.reject("measures", "case.plan.measures-required");
		}
		return errors;
	}

	/**
	 * One measure of the plan. Who is responsible is an agency of the directory
	 * ({@code agency}, its name kept as {@code agencyName} when saved, so the printed
	 * form names it as it was then), a named person ({@code responsible}), or both.
	 */
	public record PlannedMeasure(SupportMeasure measure, @PlainText(max = 1000) String details, AgencyId agency,
			@PlainText(max = 300) String agencyName, @PlainText(max = 300) String responsible, LocalDate startOn,
			LocalDate endBy, @PlainText(max = 1000) String resources) {

		/** A measure with a responsible person, as schema 1 stored it. */
		public PlannedMeasure(SupportMeasure measure, String responsible, LocalDate startOn, LocalDate endBy) {
			this(measure, null, null, null, responsible, startOn, endBy, null);
		}

		static PlannedMeasure empty() {
			return new PlannedMeasure(null, null, null, null, null, null, null, null);
		}

		boolean blank() {
			return measure == null && agency == null && empty(details) && empty(responsible) && startOn == null
					&& endBy == null && empty(resources);
		}

		PlannedMeasure namingAgency(String name) {
			return new PlannedMeasure(measure, details, agency, name, responsible, startOn, endBy, resources);
		}

		/** Who carries the measure out, as printed: the agency, the person, or both. */
		public String whoIsResponsible() {
			String agencyPart = agency == null || empty(agencyName) ? "" : agencyName.strip();
			String person = empty(responsible) ? "" : responsible.strip();
			return agencyPart.isEmpty() || person.isEmpty() ? agencyPart + person : agencyPart + " – " + person;
		}

		private void check(String prefix, FormErrors errors) {
			if (measure == null) {
				errors.reject(prefix + "measure", "validation.required");
			}
			if (agency == null && empty(responsible)) {
				errors.reject(prefix + "responsible", "case.plan.responsible-required");
			}
			if (startOn == null) {
				errors.reject(prefix + "startOn", "validation.required");
			}
			if (endBy == null) {
				errors.reject(prefix + "endBy", "validation.required");
			}
			else if (startOn != null && endBy.isBefore(startOn)) {
				errors.reject(prefix + "endBy", "validation.end-before-start");
			}
		}

		private static boolean empty(String text) {
			return text == null || text.isBlank();
		}

	}

}
