/**
 * The child registry: children as persons with a stable identity, so that one child's
 * reports and cases meet, and the duplicate search that proposes likely existing matches
 * while a child is entered (identification number, folded name, birth date, commune,
 * parent); and her special circumstances (the 14 groups of the Law, Art. 10) and the
 * supports she is given (Art. 49-50), on her page and as facts for the statistics
 * ({@link vn.trean.children.SpecialCircumstances},
 * {@link vn.trean.children.SpecialCircumstancesChanged}).
 * <p>
 * Decisions: a child is a person under 16 ({@code ChildRegistry.CHILD_AGE_LIMIT}); names
 * are searched folded ({@code VietnameseText}, docs/domain.md §7); the registry decides
 * nothing about access: its callers ask {@code Authorization} and mask what a user may
 * not see.
 * <p>
 * Invariants: a child is named outside the server only by her random
 * {@code ChildReference}; the sequential {@code ChildId} stays inside (tables, events,
 * the audit log). A child's record is reached where she lives or where a case she is in
 * is ({@link vn.trean.children.ChildPlaces}, told by cases); elsewhere she is not found.
 * Special circumstances and supports are never overwritten: a correction (with its
 * reason) or an end is a new version, each showing of them an access entry. An entry's
 * evidence file ({@code circumstance_file}) is a child's document like a case's: sealed
 * by the shared {@code AttachmentBox} under the same key, tied to its entry, named by the
 * versions that carry it, never overwritten. An identification number belongs to one
 * child (a unique index; reports lock the numbers they register in sorted order). A child
 * is {@link vn.trean.children.ChildRegistry#confirmedBy confirmed} by details only when
 * her identification number and a second fact (exact birth date or full name) agree; the
 * birth year is no second fact, the number encodes it.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography", "identity" })
package vn.trean.children;
