/**
 * Effective-dated administrative units (provinces, the abolished districts, communes),
 * the old→new succession of the 2024 and 2025 reforms, and the reference files they are
 * loaded from (docs/domain.md §6).
 * <p>
 * Decisions:
 * <ul>
 * <li>Records keep the unit of their time; they are put on today's communes (or on the
 * old districts) only when counted, so nothing is rewritten and a later correction of the
 * mapping applies to every figure at once.</li>
 * <li>{@link vn.trean.geography.UnitHistory} is what a province of today is made of over
 * time, computed from the succession rows by one recursive query and kept like subtrees
 * (10 minutes, dropped by an import).</li>
 * <li>An old commune counts for today's commune only when it was merged whole (through
 * any number of reforms); a split ward, an old district's or an old province's own
 * records are groups to review, counted only in the province's total. By old districts,
 * today's commune counts for the district all its predecessors lay in, and is to review
 * when they lay in several.</li>
 * </ul>
 * Invariants: a code is unique only within its validity period (a trigger enforces it),
 * so records refer to a unit by its id, never by its code; splits are flagged for review,
 * never resolved by guessing; {@link vn.trean.geography.Geography#unitsCountedFor} is the
 * one answer to "which units' records make this unit's number", so a count and its trace
 * agree in every module.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package vn.trean.geography;
