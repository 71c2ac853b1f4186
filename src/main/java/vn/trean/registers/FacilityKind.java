package vn.trean.registers;

import java.util.List;

/** A school or a health facility, each with the capacity checklist of its kind. */
enum FacilityKind {

	SCHOOL(List.of(CheckItem.PREVENTION_SESSION, CheckItem.HOTLINE_PROMOTED)),
	HEALTH_FACILITY(List.of(CheckItem.INTAKE_PROCEDURE, CheckItem.TRAINED_STAFF, CheckItem.COUNSELLING));

	private final List<CheckItem> checklist;

	FacilityKind(List<CheckItem> checklist) {
		this.checklist = checklist;
	}

	public List<CheckItem> checklist() {
		return checklist;
	}

	/** One item of a capacity checklist, stored as a column of {@code facility_check}. */
	enum CheckItem {

		/**
		 * Schools: held a session on preventing school violence and abuse this school
		 * year.
		 */
		PREVENTION_SESSION("prevention_session"),
		/** Schools: promotes the 111 hotline. */
		HOTLINE_PROMOTED("hotline_promoted"),
		/** Health: has an intake procedure for abused children. */
		INTAKE_PROCEDURE("intake_procedure"),
		/** Health: has staff trained to care for abused children. */
		TRAINED_STAFF("trained_staff"),
		/** Health: offers counselling. */
		COUNSELLING("counselling");

		private final String column;

		CheckItem(String column) {
			this.column = column;
		}

		String column() {
			return column;
		}

	}

}
