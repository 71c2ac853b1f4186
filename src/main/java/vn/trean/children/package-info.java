/**
 * The child registry: children as persons with a stable identity, so that one child's
 * reports and cases meet, and the duplicate search that proposes likely existing matches
 * while a child is entered (identification number, folded name, birth date, commune,
 * parent).
 * <p>
 * A child is named outside the server only by her random {@code ChildReference}; the
 * sequential {@code ChildId} stays inside (tables, events, the audit log). A child is
 * {@link vn.trean.children.ChildRegistry#confirmedBy confirmed} by details only when her
 * identification number and a second fact (exact birth date or full name) agree; the
 * birth year is no second fact, the number encodes it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography" })
package vn.trean.children;
