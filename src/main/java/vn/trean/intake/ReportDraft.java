package vn.trean.intake;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import vn.trean.children.ChildDetails;
import vn.trean.children.ChildReference;
import vn.trean.children.Sex;
import vn.trean.geography.UnitId;
import vn.trean.shared.PlainText;

/**
 * A report as entered on the form or sent to the API (Mẫu 01), before it is checked. Unit
 * ids are administrative-unit ids; {@code linkTo} names an existing child chosen from the
 * matches by her reference, never by her internal id.
 * <p>
 * The rules of one field are its constraints here, checked where the draft is bound
 * ({@link BoundReport}); the rules that span fields or need the database are
 * {@link ReportPolicy}'s, and a child's are the registry's ({@code ChildRegistry.check}:
 * her birth date, age and number agree with each other).
 */
public record ReportDraft(@NotNull Channel channel, Boolean reporterAnonymous, String reporterName,
		String reporterPhone, Relation reporterRelation, Boolean reporterWantsFeedback, List<ChildEntry> children,
		@NotNull ContactType contactType, List<HarmForm> harmForms, Setting setting, Relation perpetratorRelation,
		Boolean perpetratorLivesWithChild, Boolean perpetratorCanReachChild, Long placeUnit,
		@NotBlank @PlainText(max = ReportDraft.MAX_ACCOUNT) String account, List<DangerSign> dangerSigns) {

	/** The longest account of what happened, in characters. */
	public static final int MAX_ACCOUNT = 10_000;

	/**
	 * The value of {@code linkTo} by which the operator confirms a new child after seeing
	 * the likely matches.
	 */
	public static final String NEW_CHILD = "new";

	/** One child named in the report. */
	public record ChildEntry(String fullName, Sex sex, LocalDate birthDate, Integer approximateAge, String personalId,
			Long residence, String addressDetail, String school, String parentName,
			@io.swagger.v3.oas.annotations.media.Schema(
					description = "Which child this is: \"new\" registers a new child; the reference (a UUID) of a "
							+ "registered child links her (the report then joins her open case in the commune it is "
							+ "routed to, if any). Through the API a link is accepted only when this child's "
							+ "personalId is the registered child's and her exact birthDate or fullName agrees too; "
							+ "absent: a new child.",
					type = "string", example = NEW_CHILD) String linkTo) {

		ChildDetails details() {
			return new ChildDetails(fullName, sex, birthDate, approximateAge, personalId,
					residence == null ? null : new UnitId(residence), addressDetail, school, parentName);
		}

		/**
		 * The registered child chosen; {@code null} for a new child, and for a choice
		 * that names no child ({@link #linkInvalid}).
		 */
		ChildReference link() {
			return chosen() && !NEW_CHILD.equals(linkTo) ? ChildReference.parse(linkTo).orElse(null) : null;
		}

		/** Whether the choice is neither {@link #NEW_CHILD} nor a child's reference. */
		boolean linkInvalid() {
			return chosen() && !NEW_CHILD.equals(linkTo) && ChildReference.parse(linkTo).isEmpty();
		}

		/**
		 * Whether the operator chose among the likely matches (a registered child, or
		 * {@link #NEW_CHILD}), rather than choosing nothing.
		 */
		boolean chosen() {
			return linkTo != null && !linkTo.isEmpty();
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
