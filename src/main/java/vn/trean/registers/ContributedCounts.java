package vn.trean.registers;

import java.util.Set;

import vn.trean.registers.RegisterCounts.Count;

/**
 * Counts another module gives {@link RegisterCounts} from its own tables, so a plan
 * indicator fed by them is computed, traced and put on the dashboards like every register
 * count, through the one mapping of plans. The module implements it as a bean; without
 * one its counts are zero, with no records. Statements are SQL written by the module,
 * never from a request; they run read-only.
 */
public interface ContributedCounts {

	/** The counts given, among those {@link Count} marks as contributed. */
	Set<Count> counts();

	/**
	 * The records behind one of {@link #counts()}, a statement in the shape of the
	 * registers' own: columns {@code id} (a number), {@code register} (the message key
	 * suffix of {@code registers.register.*}), {@code label} (what the trace shows: never
	 * a child's name), {@code unit_id}, {@code day} (a date); parameters {@code :units}
	 * (the unit ids counted, an array), {@code :start} and {@code :end} (the period's
	 * days).
	 */
	String rows(Count count);

	/**
	 * Every one of {@link #counts()} by commune (or group) and year, continuing a
	 * {@code WITH} after the common parts {@code units(unit_id, commune_id)} and
	 * {@code years(year)} (parameters {@code :from}, {@code :to}, the years): columns
	 * {@code commune_id}, {@code year}, {@code total} ({@code GROUPING(commune_id)}, 1 on
	 * the province's row) and one per count named in lower case, grouped by
	 * {@code GROUPING SETS ((commune_id, year), (year))}. It must count what
	 * {@link #rows} lists for the same units and year.
	 */
	String grouped(int fromYear, int toYear);

}
