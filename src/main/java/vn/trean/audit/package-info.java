/**
 * The append-only, tamper-evident audit and access log: every event that implements
 * {@link vn.trean.shared.AuditableEvent} and every opening of a record with personal
 * data, kept as sixteen interleaved hash chains that the page {@code /admin/audit} and
 * the command {@code --verify-audit-chain} verify.
 * <p>
 * Decisions:
 * <ul>
 * <li>Entries are written by a synchronous listener in the transaction of the change they
 * record, just before it commits: neither commits without the other.</li>
 * <li>Two database roles: the owner ({@code spring.flyway.user}) runs the migrations;
 * {@code ApplicationRole} then grants the application's role SELECT and INSERT only on
 * {@code audit_entry} and {@code audit_anchor} (no UPDATE, DELETE, TRUNCATE, ALTER). The
 * application refuses to start under a role that could rewrite the log unless
 * {@code trean.audit.allow-owner-role} says it is a single-role installation.</li>
 * <li>Each hash is an HMAC-SHA-256 under {@code trean.audit.chain-key}, computed in Java
 * under the chain's advisory lock, so the key never reaches the database; entries name
 * their key by a fingerprint, so keys rotate
 * ({@code trean.audit.retired-chain-keys}).</li>
 * <li>{@code AuditAnchors} writes, once per interval in the cluster, each chain's count
 * and head to the log output and to {@code audit_anchor}, so entries cut from the end or
 * a truncated table show against the latest anchor.</li>
 * </ul>
 * Invariants: no code updates or deletes an entry (a trigger refuses it too); every chain
 * links each entry to the one before; entries from before the keyed chain keep their
 * plain SHA-256 and a plain entry after the recorded last one is a forgery.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity" })
package vn.trean.audit;
