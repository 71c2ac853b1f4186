/**
 * The registers behind the plan indicators (docs/domain.md §5): the child-protection
 * workforce roster with the trainings each person attended, trainings with participants
 * by role and sex, communication events with the households they reached, schools and
 * health facilities with their capacity checks, and interview rooms; and
 * {@link vn.trean.registers.RegisterCounts}, the counts plan indicators are computed
 * from, each traceable to its records; and {@link vn.trean.registers.RegisterLookups},
 * where another module looks up a room or a roster member it names (a referral's
 * interview). The decisions behind each are in docs/registers.md.
 * <p>
 * Decisions:
 * <ul>
 * <li>"Trained" is counted from the roster (a person active in the year linked to a
 * training held that year or earlier); police investigators are counted apart from the
 * workforce; a household is counted once a year by its household code.</li>
 * <li>A workforce member a training lists is not deleted (409): a past year's figure
 * would change unseen. Deleting a training, an event or a facility deletes what it
 * owns.</li>
 * <li>Lists show the user's jurisdiction and, read-only, the old communes merged whole
 * into it; records of units to review count in the province's total and are listed
 * nowhere.</li>
 * <li>Each register is a slice of its own (service, policy, rows and pages:
 * {@code WorkforceRegister}, {@code WorkforcePolicy}, {@code WorkforceRecords},
 * {@code WorkforceController}, …) over one shared piece, {@code Registers} (who may, the
 * list's page, the version check, the audit entry) and {@code RecordPages}.</li>
 * </ul>
 * Invariants: every row knows its unit by id and a count for a unit covers every unit
 * under it; a count and its trace run the same query, so they cannot disagree; access is
 * decided by {@code Authorization} ({@code VIEW_STATISTICS} to read,
 * {@code SUBMIT_PLAN_REPORTS} or {@code MANAGE_ACTION_PLANS} at the record's unit to
 * write), never by {@code RegisterCounts}; entries and corrections pass
 * {@code RegisterPolicy}, and every change is one transaction with its audit entry
 * ({@link vn.trean.registers.RegisterChanged}) under optimistic locking on its
 * {@code version}; derived columns kept by triggers are recomputed under a row lock.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "geography", "identity", "directory" })
package vn.trean.registers;
