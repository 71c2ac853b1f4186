/**
 * Action plans as data and their monitoring (docs/domain.md §5): a province's plan with
 * its objectives, indicators, targets per year and unit, activities and reference
 * denominators; periodic reports from the units with their approval; progress against the
 * targets, the city dashboard, XLSX/PDF exports and the CSV import of targets. The
 * decisions behind each are in docs/plans.md.
 * <p>
 * Decisions:
 * <ul>
 * <li>Plan 55/KH-UBND of Cần Thơ is loaded at start by {@link vn.trean.plans.PlanSeed},
 * not by a migration: its targets refer to unit ids that exist only after geography's
 * import. It runs once per province and plan number and never touches a plan that
 * exists.</li>
 * <li>Nothing the plan text does not give is invented: what is missing stays empty and is
 * shown as to be completed by the plan administrator.</li>
 * <li>REGISTER indicators are counted from {@link vn.trean.registers.RegisterCounts}
 * through one mapping, {@link vn.trean.plans.RegisterMeasure}; an indicator it does not
 * know has no value. 3.2 (school cases supported in time) is counted from cases and
 * referrals, which the referrals module contributes to those counts
 * ({@link vn.trean.registers.ContributedCounts}): plans never reads them itself.</li>
 * <li>The child population ({@code CHILDREN}) is a reference denominator tied to no
 * indicator: every plan of the province offers it, on its own page and as a column of the
 * denominator import, with the rules and audit of the other denominators; the statistics
 * read it through {@link vn.trean.plans.ReferenceFigures}.</li>
 * <li>Exports are job rows claimed by one worker in one statement, with a heartbeat and a
 * recovery, so any instance answers and no job is produced twice.</li>
 * </ul>
 * Invariants: every figure is checked by a named policy ({@code TargetPolicy},
 * {@code PlanReportPolicy}) and written in one transaction with its audit entry
 * ({@link vn.trean.plans.PlanChanged}, {@code PlanReportChanged}); an approved report is
 * never changed (a trigger refuses it; a correction is its next version); progress counts
 * the newest approved version giving a total, and a city value is the sum of numerators
 * over the sum of denominators, never an average of percentages; every unit's number
 * counts the units {@link vn.trean.geography.Geography#unitsCountedFor} names; access is
 * decided by {@code Authorization} ({@code VIEW_STATISTICS}, {@code SUBMIT_PLAN_REPORTS},
 * {@code MANAGE_ACTION_PLANS}).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "geography", "identity", "directory", "registers", "printing" })
package vn.trean.plans;
