package vn.trean.cases;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.shared.AttachmentBox;
import vn.trean.shared.SealedStore;

/**
 * The case attachments as the re-encryption command sees them: every attachment not yet
 * under the current key (an older key, or the legacy format with its nonce column) is
 * opened, checked by its tag, and sealed again for the same row. The rows of a batch are
 * locked while they are moved.
 */
@Component
class AttachmentResealing implements SealedStore {

	private final JdbcClient jdbc;

	private final AttachmentBox box;

	AttachmentResealing(JdbcClient jdbc, AttachmentBox box) {
		this.jdbc = jdbc;
		this.box = box;
	}

	@Override
	public String name() {
		return "Case attachments";
	}

	@Override
	public String currentKeyId() {
		return box.currentKeyId();
	}

	@Override
	@Transactional
	public int resealNext(int limit) {
		record Row(AttachmentId id, CaseId caseId, AttachmentBox.Sealed sealed) {
		}
		// a few rows at a time: each holds a file of up to 10 MB
		List<Row> rows = jdbc.sql("""
				SELECT id, case_id, nonce, ciphertext FROM case_attachment
				WHERE nonce IS NOT NULL OR substring(ciphertext FROM 1 FOR 5) <> :prefix
				ORDER BY id LIMIT :limit FOR UPDATE""")
			.param("prefix", box.currentPrefix())
			.param("limit", Math.min(limit, 5))
			.query((rs, n) -> new Row(new AttachmentId(rs.getObject("id", UUID.class)),
					new CaseId(rs.getObject("case_id", UUID.class)),
					new AttachmentBox.Sealed(rs.getBytes("nonce"), rs.getBytes("ciphertext"))))
			.list();
		for (Row row : rows) {
			byte[] data = CaseAttachments.associatedData(row.caseId(), row.id());
			AttachmentBox.Sealed again = box.seal(box.open(row.sealed(), data), data);
			jdbc.sql("UPDATE case_attachment SET nonce = NULL, ciphertext = :ciphertext WHERE id = :id")
				.param("ciphertext", again.ciphertext())
				.param("id", row.id().value())
				.update();
		}
		return rows.size();
	}

}
