/**
 * Effective-dated administrative units (provinces, the abolished districts, communes),
 * the old→new succession of the 2024 and 2025 reforms, and the reference files they are
 * loaded from. Splits are flagged for review, never resolved by guessing.
 *
 * <p>
 * {@link vn.trean.geography.UnitHistory} is what a province of today is made of over
 * time, computed from the succession rows by one recursive query and kept like subtrees
 * (10 minutes, dropped by an import). Records keep the unit of their time; they are put
 * on today's communes (or on the old districts) only when counted, so nothing is
 * rewritten and a later correction of the mapping applies to every figure at once. An old
 * commune counts for today's commune only when it was merged whole (through any number of
 * reforms); a split ward, an old district's or an old province's own records are groups
 * to review, counted only in the province's total. By old districts, today's commune
 * counts for the district all its predecessors lay in, and is to review when they lay in
 * several. {@link vn.trean.geography.Geography#unitsCountedFor} answers "which units'
 * records make this unit's number" for every module, so a count and its trace agree.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package vn.trean.geography;
