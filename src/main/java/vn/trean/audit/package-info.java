/**
 * The append-only, tamper-evident audit and access log: every security and domain event
 * that implements {@link vn.trean.shared.AuditableEvent}, and every access to a child's
 * data, as sixteen interleaved hash chains that an administrator page and a command
 * verify. Entries are written in the transaction of the change they record (a synchronous
 * listener), so neither commits without the other.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity" })
package vn.trean.audit;
