/**
 * The child registry: children as persons with a stable identity, so that one child's
 * reports and cases meet, and the duplicate search that proposes likely existing matches
 * while a child is entered (identification number, folded name, birth date, commune,
 * parent).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography" })
package vn.trean.children;
