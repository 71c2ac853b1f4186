package vn.trean.children;

/**
 * The fourteen groups of children in special circumstances of the Law on Children, Art.
 * 10 (docs/domain.md §3), in the Law's order. The statistics count by these constants, so
 * none is renamed or reordered; the words are {@link #key()} in the message bundles.
 */
public enum SpecialCircumstance {

	/** Mồ côi cả cha và mẹ. */
	ORPHANED_BOTH_PARENTS,
	/** Bị bỏ rơi. */
	ABANDONED,
	/** Không nơi nương tựa. */
	NO_ONE_TO_RELY_ON,
	/** Khuyết tật. */
	DISABILITY,
	/** Nhiễm HIV/AIDS. */
	HIV_AIDS,
	/** Vi phạm pháp luật. */
	IN_CONFLICT_WITH_LAW,
	/** Nghiện ma túy. */
	DRUG_ADDICTED,
	/** Phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở. */
	DROPPED_OUT_TO_EARN_LIVING,
	/** Bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực. */
	SERIOUSLY_HARMED_BY_VIOLENCE,
	/** Bị bóc lột. */
	EXPLOITED,
	/** Bị xâm hại tình dục. */
	SEXUALLY_ABUSED,
	/** Bị mua bán. */
	TRAFFICKED,
	/** Mắc bệnh hiểm nghèo hoặc phải điều trị dài ngày, thuộc hộ nghèo hoặc cận nghèo. */
	SERIOUS_ILLNESS_POOR_HOUSEHOLD,
	/** Di cư, lánh nạn, tị nạn chưa xác định được cha mẹ hoặc không có người chăm sóc. */
	MIGRANT_OR_UNACCOMPANIED;

	/** The message key of the group's name as the Law words it. */
	public String key() {
		return "circumstance.group." + name();
	}

}
