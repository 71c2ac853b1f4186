/**
 * Referrals between agencies (docs/domain.md §2 step 10, the criminal track, §4): a
 * case's commune hands part of a case about one child to an agency of the directory for a
 * stated purpose and services from a catalogue; the agency answers, reports progress and
 * an outcome; every agency sees only its sector's share of the case, and nothing is
 * shared without a ground: the consent of the child (aged 7 or more) and of a parent or
 * guardian, or a legal basis for sharing without consent.
 * <p>
 * Decisions:
 * <ul>
 * <li>The services, their sectors and limits, and each sector's field set are data an
 * administrator edits (V39); the list of services and of fields is closed (enums), so a
 * page, print, export and API answer can name every field.</li>
 * <li>Grounds are kept per case, child and purpose; a withdrawal stops every open
 * referral that relied on it from showing anything more until a new ground is
 * recorded.</li>
 * </ul>
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography", "identity", "directory",
		"children", "intake", "cases", "registers", "audit", "printing" })
package vn.trean.referrals;
