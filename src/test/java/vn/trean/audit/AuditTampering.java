package vn.trean.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import vn.trean.TestDatabase;

/**
 * What someone with the owner's database rights but without the chain key could do to the
 * audit log, done to one chain of the shared test database and undone on
 * {@link #close()}. The chain's advisory lock is held throughout, so the application
 * appends to the other chains meanwhile and the restored chain is whole again.
 */
public final class AuditTampering implements AutoCloseable {

	private final Connection connection;

	private final JdbcClient owner;

	private final int chain;

	private final List<Map<String, Object>> removed = new ArrayList<>();

	private final List<Map<String, Object>> rewritten = new ArrayList<>();

	private AuditTampering(int chain) throws SQLException {
		this.chain = chain;
		this.connection = TestDatabase.ownerConnection();
		this.owner = JdbcClient.create(new SingleConnectionDataSource(connection, true));
		owner.sql("SELECT pg_advisory_lock(hashtext('audit_entry_chain'), ?)").param(chain).query().singleValue();
	}

	/** Takes the chain that holds at least {@code entries} entries, the newest first. */
	public static AuditTampering ofAChainWithAtLeast(int entries) throws SQLException {
		try (Connection c = TestDatabase.ownerConnection()) {
			int chain = JdbcClient.create(new SingleConnectionDataSource(c, true))
				.sql("""
						SELECT chain FROM audit_entry GROUP BY chain HAVING count(*) >= ? ORDER BY max(id) DESC LIMIT 1""")
				.param(entries)
				.query(Integer.class)
				.single();
			return new AuditTampering(chain);
		}
	}

	public int chain() {
		return chain;
	}

	/** The id of the chain's newest entry. */
	public long newestId() {
		return owner.sql("SELECT max(id) FROM audit_entry WHERE chain = ?").param(chain).query(Long.class).single();
	}

	/** Deletes the chain's newest entries, as the owner with the trigger disabled. */
	public void cutTail(int entries) throws SQLException {
		inTransaction(() -> {
			List<Map<String, Object>> rows = owner
				.sql("SELECT * FROM audit_entry WHERE chain = ? ORDER BY id DESC LIMIT ?")
				.param(chain)
				.param(entries)
				.query()
				.listOfRows();
			owner.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_is_append_only").update();
			for (Map<String, Object> row : rows) {
				owner.sql("DELETE FROM audit_entry WHERE id = ?").param(row.get("id")).update();
			}
			owner.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_is_append_only").update();
			removed.addAll(rows);
		});
	}

	/**
	 * Changes the detail of the chain's newest entry and stores the plain SHA-256 the
	 * unkeyed chain would have had, as the owner with the trigger disabled.
	 * @param dropKey whether the entry is also made to look like one from before the
	 * keyed chain
	 */
	public long rewriteNewestWithRecomputedSha256(String detail, boolean dropKey) throws SQLException {
		long id = newestId();
		inTransaction(() -> {
			Map<String, Object> row = owner.sql("SELECT * FROM audit_entry WHERE id = ?").param(id).query().singleRow();
			AuditEntry forged = new AuditEntry(id, ((java.sql.Timestamp) row.get("occurred_at")).toInstant(),
					(String) row.get("actor"), (String) row.get("action"), (String) row.get("target_type"),
					(String) row.get("target_id"), (String) row.get("client_address"), (String) row.get("outcome"),
					detail, (String) row.get("previous_hash"), null);
			String hash = ChainKeys.sha256(AuditLog.canonical(forged));
			owner.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_is_append_only").update();
			owner.sql(
					"UPDATE audit_entry SET detail = ?, hash = ?, key_id = CASE WHEN ? THEN NULL ELSE key_id END WHERE id = ?")
				.params(detail, hash, dropKey, id)
				.update();
			owner.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_is_append_only").update();
			rewritten.add(row);
		});
		return id;
	}

	/** Puts back what was removed or rewritten and releases the chain. */
	@Override
	public void close() throws SQLException {
		try {
			inTransaction(() -> {
				owner.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_is_append_only").update();
				for (Map<String, Object> row : rewritten) {
					owner.sql("UPDATE audit_entry SET detail = ?, hash = ?, key_id = ? WHERE id = ?")
						.params(row.get("detail"), row.get("hash"), row.get("key_id"), row.get("id"))
						.update();
				}
				for (Map<String, Object> row : removed) {
					insert(row);
				}
				owner.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_is_append_only").update();
			});
			owner.sql("SELECT pg_advisory_unlock(hashtext('audit_entry_chain'), ?)").param(chain).query().singleValue();
		}
		finally {
			connection.close();
		}
	}

	private void insert(Map<String, Object> row) {
		Map<String, Object> columns = new LinkedHashMap<>(row);
		String names = String.join(", ", columns.keySet());
		String values = String.join(", ", columns.keySet().stream().map(name -> ":" + name).toList());
		owner.sql("INSERT INTO audit_entry (" + names + ") VALUES (" + values + ")").params(columns).update();
	}

	private void inTransaction(Runnable work) throws SQLException {
		connection.setAutoCommit(false);
		try {
			work.run();
			connection.commit();
		}
		catch (RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

}
