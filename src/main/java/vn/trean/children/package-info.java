/**
 * The child registry: children as persons with a stable identity, so that one child's
 * reports and cases meet, and the duplicate search that proposes likely existing matches
 * while a child is entered (identification number, folded name, birth date, commune,
 * parent).
 * <p>
 * Decisions: a child is a person under 16 ({@code ChildRegistry.CHILD_AGE_LIMIT}); names
 * are searched folded ({@code VietnameseText}, docs/domain.md §7); the registry decides
 * nothing about access: its callers ask {@code Authorization} and mask what a user may
 * not see.
 * <p>
 * Invariants: a child is named outside the server only by her random
 * {@code ChildReference}; the sequential {@code ChildId} stays inside (tables, events,
 * the audit log). An identification number belongs to one child (a unique index; reports
 * lock the numbers they register in sorted order). A child is
 * {@link vn.trean.children.ChildRegistry#confirmedBy confirmed} by details only when her
 * identification number and a second fact (exact birth date or full name) agree; the
 * birth year is no second fact, the number encodes it.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography", "identity" })
package vn.trean.children;
