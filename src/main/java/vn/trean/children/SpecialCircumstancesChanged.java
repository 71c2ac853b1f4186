package vn.trean.children;

/**
 * A child's special circumstances or supports changed (recorded, corrected, ended). Ids
 * only; published in the transaction of the change.
 */
public record SpecialCircumstancesChanged(ChildId child, java.time.Instant occurredAt) {
}
