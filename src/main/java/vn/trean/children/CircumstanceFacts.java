package vn.trean.children;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;

/**
 * The current version of every special-circumstance entry and support of one child, ended
 * ones included, for the statistics: ids, codes, communes and dates, no personal data.
 */
public record CircumstanceFacts(ChildId child, List<GroupSpan> groups, List<SupportSpan> supports) {

	public CircumstanceFacts {
		groups = List.copyOf(groups);
		supports = List.copyOf(supports);
	}

	/** One entry: the group, the commune it is recorded for, from when until when. */
	public record GroupSpan(long entryId, SpecialCircumstance group, UnitId unit, LocalDate startedOn,
			@Nullable LocalDate endedOn) {
	}

	/** One support: the measure, the commune, from when until when, by which agency. */
	public record SupportSpan(long supportId, SupportKind kind, UnitId unit, LocalDate from, @Nullable LocalDate to,
			@Nullable AgencyId agency) {
	}

}
