/**
 * The append-only, tamper-evident audit and access log: every security and domain event
 * that implements {@link vn.trean.shared.AuditableEvent}, and every access to a child's
 * data, as sixteen interleaved hash chains that an administrator page and a command
 * verify. Entries are written in the transaction of the change they record (a synchronous
 * listener), so neither commits without the other.
 *
 * <p>
 * Decisions. <b>Two database roles:</b> the migrations run as the owner
 * ({@code spring.flyway.user}), the application as its own role, to which
 * {@code ApplicationRole} grants after every migration read and write on the ordinary
 * tables but only SELECT and INSERT on {@code audit_entry} and {@code audit_anchor}: no
 * UPDATE, DELETE or TRUNCATE, and, not being the owner, no ALTER TABLE, no disabling of
 * the trigger. The application refuses to start under a role that could rewrite the log
 * unless {@code trean.audit.allow-owner-role} says it is a single-role installation.
 * <b>Keyed chain:</b> each entry's hash is an HMAC-SHA-256 under
 * {@code trean.audit.chain-key}, computed in Java under the chain's advisory lock
 * ({@code audit_reserve} returns the head and the ids), so the key is never sent to the
 * database or its logs; each entry names its key by a fingerprint, so keys rotate
 * ({@code trean.audit.retired-chain-keys}). Entries from before the keyed chain keep
 * their plain SHA-256 and are counted as such; the last of them is recorded at the
 * migration ({@code audit_chain_form}), so a later plain entry is a forgery.
 * <b>Anchors:</b> the owner can still delete the newest entries or truncate the table
 * without breaking a link, so {@code AuditAnchors} writes, once per interval in the
 * cluster, the count and head of every chain to the log output (the copy outside the
 * database) and to {@code audit_anchor}; the verifier compares with the latest stored
 * anchor, or with a copy it is given, and reports entries missing or a truncated log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity" })
package vn.trean.audit;
