/**
 * The shared kernel every module stands on: Vietnamese text folding (the one function
 * every search key goes through, docs/domain.md §7), the application clock and time zone,
 * the one policy result ({@link vn.trean.shared.Verdict}), the one page of a list
 * ({@link vn.trean.shared.Page}), the plain-text rule of every typed text
 * ({@link vn.trean.shared.PlainText}), the auditable-event contract, encryption at rest
 * under keys that rotate ({@link vn.trean.shared.Keyring}, re-encrypted by
 * {@code --reseal-secrets}), the timers that run once in the cluster
 * ({@code ClusterTimers}), the status of a database-backed job
 * ({@link vn.trean.shared.JobStatus}), the frame every line chart is drawn in
 * ({@link vn.trean.shared.ChartFrame}), and the web shell: locale and messages, the input
 * gate, the database-outage answer, and the one way a refusal is answered.
 * <p>
 * Decisions: a refusal is an exception ({@link vn.trean.shared.InvalidInput} 422,
 * {@link vn.trean.shared.RuleBroken} and {@link vn.trean.shared.ChangedMeanwhile} 409,
 * {@link vn.trean.shared.UnknownRecord} 404), so no exception names its HTTP status;
 * {@link vn.trean.shared.Refusals} shows a refused form again on its own page, through
 * that page's GET handler, and {@link vn.trean.shared.ApiProblems} answers the same
 * refusals to the API as problem details, so controllers catch none. The input gate
 * ({@code RequestInput}) runs before security and refuses control characters, undecodable
 * parameters and oversized bodies with a translated answer. Names are listed in the
 * Vietnamese alphabet by ICU's collation: most lists are ordered and paged in SQL, so the
 * database orders them ({@code ORDER BY name COLLATE vietnamese}, the collation migration
 * V33 creates), and the few lists put together in Java sort with
 * {@link vn.trean.shared.VietnameseText#ORDER}, the JDK's Vietnamese collator tailored to
 * the same order and held to the database's by a test over every unit name.
 * <p>
 * Invariants: it depends on no business module; time comes from the injected clock in
 * Asia/Ho_Chi_Minh; text is stored in NFC; every visible text comes from the message
 * bundles, Vietnamese and English alike.
 */
@org.jspecify.annotations.NullMarked
package vn.trean.shared;
