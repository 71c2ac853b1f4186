package vn.trean.children;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.shared.AttachmentBox;
import vn.trean.shared.SealedStore;

/**
 * The special-circumstance evidence files as the re-encryption command sees them: every
 * file not yet under the current key is opened, checked by its tag, and sealed again for
 * the same row. The rows of a batch are locked while they are moved.
 */
@Component
class CircumstanceFileResealing implements SealedStore {

	private final JdbcClient jdbc;

	private final AttachmentBox box;

	CircumstanceFileResealing(JdbcClient jdbc, AttachmentBox box) {
		this.jdbc = jdbc;
		this.box = box;
	}

	@Override
	public String name() {
		return "Special-circumstance evidence files";
	}

	@Override
	public String currentKeyId() {
		return box.currentKeyId();
	}

	@Override
	@Transactional
	public int resealNext(int limit) {
		record Row(UUID id, long entry, byte[] ciphertext) {
		}
		// a few rows at a time: each holds a file of up to 10 MB
		List<Row> rows = jdbc.sql("""
				SELECT id, entry_id, ciphertext FROM circumstance_file
				WHERE substring(ciphertext FROM 1 FOR 5) <> :prefix ORDER BY id LIMIT :limit FOR UPDATE""")
			.param("prefix", box.currentPrefix())
			.param("limit", Math.min(limit, 5))
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getLong("entry_id"),
					rs.getBytes("ciphertext")))
			.list();
		for (Row row : rows) {
			byte[] data = CircumstanceFiles.associatedData(row.id(), row.entry());
			byte[] again = box.seal(box.open(new AttachmentBox.Sealed(null, row.ciphertext()), data), data)
				.ciphertext();
			jdbc.sql("UPDATE circumstance_file SET ciphertext = :ciphertext WHERE id = :id")
				.param("ciphertext", again)
				.param("id", row.id())
				.update();
		}
		return rows.size();
	}

}
