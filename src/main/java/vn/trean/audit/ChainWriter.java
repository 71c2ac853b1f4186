package vn.trean.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends entries to a free chain of the audit log: {@code audit_reserve}
 * (V27__keyed_audit_chain.sql) takes the chain's lock and returns its head and the new
 * ids, the hashes are computed here under the current chain key, so the key never reaches
 * the database, and the rows are inserted in one statement.
 */
@Component
class ChainWriter {

	private final JdbcClient jdbc;

	private final ChainKeys keys;

	ChainWriter(JdbcClient jdbc, ChainKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	/** A chain's lock taken: its number, its newest hash and the ids of the new rows. */
	private record Reserved(int chain, String previous, Long[] ids) {
	}

	/** Appends the entries, in their order, to one chain. */
	void write(List<AuditEntry> entries) {
		Reserved reserved = reserve(entries.size());
		String keyId = keys.currentId();
		insert(reserved, keyId, chained(entries, reserved));
	}

	private Reserved reserve(int count) {
		return jdbc.sql("SELECT chain_no, previous, ids FROM audit_reserve(:count)")
			.param("count", count)
			.query((rs, n) -> new Reserved(rs.getInt("chain_no"), rs.getString("previous"),
					(Long[]) rs.getArray("ids").getArray()))
			.single();
	}

	/** The entries numbered and linked after the chain's head, each with its hash. */
	private List<AuditEntry> chained(List<AuditEntry> entries, Reserved reserved) {
		List<AuditEntry> chained = new ArrayList<>(entries.size());
		String previous = reserved.previous();
		for (int i = 0; i < entries.size(); i++) {
			AuditEntry e = entries.get(i);
			AuditEntry numbered = new AuditEntry(reserved.ids()[i], e.occurredAt(), e.actor(), e.action(),
					e.targetType(), e.targetId(), e.clientAddress(), e.outcome(), e.detail(), previous, null);
			String hash = keys.sign(AuditLog.canonical(numbered));
			chained.add(new AuditEntry(numbered.id(), e.occurredAt(), e.actor(), e.action(), e.targetType(),
					e.targetId(), e.clientAddress(), e.outcome(), e.detail(), previous, hash));
			previous = hash;
		}
		return chained;
	}

	private void insert(Reserved reserved, String keyId, List<AuditEntry> chained) {
		jdbc.sql(
				"""
						INSERT INTO audit_entry (id, occurred_at, actor, action, target_type, target_id, client_address, outcome,
						  detail, previous_hash, hash, chain, key_id)
						SELECT u.*, :chain, :key FROM unnest(:ids::bigint[], :occurred::timestamptz[], :actors::text[],
						  :actions::text[], :types::text[], :targets::text[], :clients::text[], :outcomes::text[], :details::text[],
						  :previous::text[], :hashes::text[]) AS u""")
			.param("chain", reserved.chain())
			.param("key", keyId)
			.param("ids", chained.stream().map(AuditEntry::id).toArray(Long[]::new))
			.param("occurred", column(chained, e -> e.occurredAt().toString()))
			.param("actors", column(chained, AuditEntry::actor))
			.param("actions", column(chained, AuditEntry::action))
			.param("types", column(chained, AuditEntry::targetType))
			.param("targets", column(chained, AuditEntry::targetId))
			.param("clients", column(chained, AuditEntry::clientAddress))
			.param("outcomes", column(chained, AuditEntry::outcome))
			.param("details", column(chained, AuditEntry::detail))
			.param("previous", column(chained, AuditEntry::previousHash))
			.param("hashes", column(chained, AuditEntry::hash))
			.update();
	}

	private static String[] column(List<AuditEntry> entries, Function<AuditEntry, String> value) {
		return entries.stream().map(value).toArray(String[]::new);
	}

}
