/**
 * The registers behind the plan indicators (issue 5 point 3): the child-protection
 * workforce roster with the trainings each person attended, trainings with participants
 * by role and sex, communication events with the households they reached, schools and
 * health facilities with their capacity checks, and interview rooms; and
 * {@link vn.trean.registers.RegisterCounts}, the counts plan indicators are computed
 * from, each traceable to its records.
 *
 * <p>
 * Decisions:
 * <ul>
 * <li>Every row knows its administrative unit by id, so many provinces coexist; a count
 * for a unit covers the unit and every unit under it. Units of before 1 July 2025 are
 * other unit versions outside today's tree: showing their figures on today's communes is
 * the old-to-new mapping's job (issue 5 point 6), not the registers'. Counts are plain
 * SQL aggregates over the same queries that list the records behind them, so a count and
 * its trace cannot disagree.</li>
 * <li>"Trained" is counted from the roster: a person active in the year who is linked to
 * a training held that year or earlier. Counts typed by role and sex describe who came
 * (also people not on the roster) and, when roster participants are chosen too, must
 * match them. Police investigators are on the roster but counted apart from the workforce
 * (objective 5).</li>
 * <li>Households are identified by their household code (nationally unique), so a
 * household reached by two events of the year is counted once.</li>
 * <li>Reading needs {@code VIEW_STATISTICS} at the unit shown; adding needs
 * {@code SUBMIT_PLAN_REPORTS} or {@code MANAGE_ACTION_PLANS} at the record's unit; both
 * are decided by {@link vn.trean.identity.Authorization}, which answers first, so a unit
 * outside the user's jurisdiction is a 403. Entries are checked by
 * {@link vn.trean.registers.RegisterPolicy}; every addition is one transaction with its
 * audit entry ({@link vn.trean.registers.RegisterChanged}). {@code RegisterCounts} itself
 * decides nothing about access: its callers ask {@code Authorization}.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "geography", "identity", "directory" })
package vn.trean.registers;
