package vn.trean.intake;

import java.time.LocalDate;
import java.util.List;

import vn.trean.children.ChildDetails;
import vn.trean.children.ChildId;
import vn.trean.children.Sex;
import vn.trean.geography.UnitId;

/**
 * A report as entered on the form or sent to the API (Mẫu 01), before it is checked. Unit
 * ids are administrative-unit ids; {@code linkTo} names an existing child chosen from the
 * matches.
 */
public record ReportDraft(Channel channel, Boolean reporterAnonymous, String reporterName, String reporterPhone,
		Relation reporterRelation, Boolean reporterWantsFeedback, List<ChildEntry> children, ContactType contactType,
		List<HarmForm> harmForms, Setting setting, Relation perpetratorRelation, Boolean perpetratorLivesWithChild,
		Boolean perpetratorCanReachChild, Long placeUnit, String account, List<DangerSign> dangerSigns) {

	/**
	 * The value of {@code linkTo} by which the operator confirms a new child after seeing
	 * the likely matches (no child has this id).
	 */
	public static final long NEW_CHILD = 0;

	/** One child named in the report. */
	public record ChildEntry(String fullName, Sex sex, LocalDate birthDate, Integer approximateAge, String personalId,
			Long residence, String addressDetail, String school, String parentName,
			@io.swagger.v3.oas.annotations.media.Schema(
					description = "A registered child this child is (the report then joins her open case, if any). "
							+ "0 or absent: a new child is registered.") Long linkTo) {

		ChildDetails details() {
			return new ChildDetails(fullName, sex, birthDate, approximateAge, personalId,
					residence == null ? null : new UnitId(residence), addressDetail, school, parentName);
		}

		/** The registered child chosen; {@code null} for a new child. */
		ChildId link() {
			return linkTo == null || linkTo == NEW_CHILD ? null : new ChildId(linkTo);
		}

		/**
		 * Whether the operator chose among the likely matches (a registered child, or
		 * {@link #NEW_CHILD}), rather than choosing nothing.
		 */
		boolean chosen() {
			return linkTo != null;
		}

		static ChildEntry blank() {
			return new ChildEntry("", null, null, null, "", null, "", "", "", null);
		}

	}

	/**
	 * The children named, without the gaps a hand-made request may leave in the
	 * numbering.
	 */
	public List<ChildEntry> childList() {
		return children == null ? List.of() : children.stream().filter(java.util.Objects::nonNull).toList();
	}

	public List<HarmForm> harmList() {
		return harmForms == null ? List.of() : harmForms;
	}

	public List<DangerSign> dangerList() {
		return dangerSigns == null ? List.of() : dangerSigns;
	}

	boolean anonymous() {
		return reporterAnonymous != null && reporterAnonymous;
	}

	boolean perpetratorHasAccess() {
		return Boolean.TRUE.equals(perpetratorLivesWithChild) || Boolean.TRUE.equals(perpetratorCanReachChild);
	}

	/** The same draft with a channel when none was given. */
	public ReportDraft withDefaultChannel(Channel fallback) {
		return channel != null ? this
				: new ReportDraft(fallback, reporterAnonymous, reporterName, reporterPhone, reporterRelation,
						reporterWantsFeedback, children, contactType, harmForms, setting, perpetratorRelation,
						perpetratorLivesWithChild, perpetratorCanReachChild, placeUnit, account, dangerSigns);
	}

	/** An empty draft with one blank child, for a new form. */
	static ReportDraft blank(Channel channel) {
		return new ReportDraft(channel, false, "", "", null, false, List.of(ChildEntry.blank()), ContactType.HARM,
				List.of(), null, null, false, false, null, "", List.of());
	}

}
