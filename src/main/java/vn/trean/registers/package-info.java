/**
 * The registers behind the plan indicators (docs/domain.md §5): the child-protection
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
 * the old-to-new mapping's job (docs/domain.md §6), not the registers'. Counts are plain
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
 * outside the user's jurisdiction is a 403. Each register is a slice of its own (its
 * service, policy, rows and pages: {@code WorkforceRegister}, {@code WorkforcePolicy},
 * {@code WorkforceRecords}, {@code WorkforceController}, …) over one shared piece,
 * {@link vn.trean.registers.Registers} (who may, the list's page, the version check, the
 * audit entry). An entry is a command validated by Bean Validation (its fields' own
 * rules) and then by its register's policy (units, dates, counts, the roster: rules that
 * need the database or span fields); every addition is one transaction with its audit
 * entry ({@link vn.trean.registers.RegisterChanged}). {@code RegisterCounts} itself
 * decides nothing about access: its callers ask {@code Authorization}.</li>
 * <li>Every record can be corrected and deleted (its edit page, then a confirmation page
 * whose POST deletes; never a GET). Both need what adding needs, at the record's unit and
 * at the unit it is moved to, so another commune's record by direct address is a 403 (an
 * unknown one, or a malformed id, a 404). A correction is checked by the same rules as an
 * entry; each record has a {@code version} (V18) and an edit or deletion from a page read
 * before someone else's change is refused with 409, nothing saved. Every change and
 * deletion is audited ({@code <REGISTER>_CHANGED}, {@code _DELETED}, and
 * {@code FACILITY_CHECK_CHANGED}/{@code _DELETED}). Counts follow at once: they are
 * queries over the rows.</li>
 * <li>A workforce member a training lists is not deleted: the deletion is refused (409)
 * and its page lists those trainings with links to correct them, rather than removing the
 * participation silently, because "trained" is counted from those links and a past year's
 * figure would change unseen. Deleting a training, an event or a facility deletes what it
 * owns (participant links and counts, household codes, checks), as its confirmation says.
 * A training keeps its unit when corrected (its participants come from that unit's
 * roster); a member cannot move to a unit outside a training they attended, nor a
 * facility change kind while it has checks of the old kind. The counts typed by role and
 * sex are what was recorded at the training: correcting a person's role or sex on the
 * roster later does not rewrite them.</li>
 * <li>Lists are shown 500 records a page, with the total and links to the previous and
 * next pages ({@code ?page=N}; anything but a page that exists shows the first or the
 * last), never cut silently. The roster a training's participants are picked from is the
 * first 500 members of its unit (by unit and name), enough for a commune, plus every
 * member the form already lists, so a correction never drops a participant; a
 * province-wide training records its head counts by role and sex instead.</li>
 * <li>A list page shows the records of the user's jurisdiction and of the old communes
 * merged whole into its communes ({@code Geography.unitsListedFor}), the latter read-only
 * under their old name: records keep the unit of their time. Records of units to review
 * (a split ward, an old district's or province's own) count in the province's total and
 * trace but are listed nowhere, since part of their territory may lie in another commune
 * or province.</li>
 * <li>Derived columns kept by triggers in the writing transaction (first training dates,
 * V20/V25; a facility's last check and first prevention session of a year, V23) are
 * recomputed from all the source rows after taking a lock on the member or facility row,
 * so two users changing the same person's trainings or facility's checks at once cannot
 * leave them wrong; tests run two overlapping transactions.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "geography", "identity", "directory" })
package vn.trean.registers;
