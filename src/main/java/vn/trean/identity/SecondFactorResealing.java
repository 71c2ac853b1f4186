package vn.trean.identity;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.shared.SealedStore;

/**
 * The second-factor secrets as the re-encryption command sees them: every stored secret
 * not yet under the current key (an older key, the {@code v1:} format, plain text) is
 * opened and sealed again. The rows of a batch are locked while they are moved, so an
 * enrolment or a reset meanwhile is never overwritten.
 */
@Component
class SecondFactorResealing implements SealedStore {

	private final JdbcClient jdbc;

	private final SecretBox box;

	SecondFactorResealing(JdbcClient jdbc, SecretBox box) {
		this.jdbc = jdbc;
		this.box = box;
	}

	@Override
	public String name() {
		return "Second-factor secrets";
	}

	@Override
	public String currentKeyId() {
		return box.currentKeyId();
	}

	@Override
	@Transactional
	public int resealNext(int limit) {
		record Row(long id, String secret) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT id, totp_secret FROM app_user
				WHERE totp_secret IS NOT NULL AND CASE WHEN totp_secret LIKE 'v2:%'
				  THEN substring(decode(substring(totp_secret FROM 4), 'base64') FROM 1 FOR 5) <> :prefix
				  ELSE true END
				ORDER BY id LIMIT :limit FOR UPDATE""")
			.param("prefix", box.currentPrefix())
			.param("limit", limit)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("totp_secret")))
			.list();
		for (Row row : rows) {
			jdbc.sql("UPDATE app_user SET totp_secret = :sealed WHERE id = :id")
				.param("sealed", box.seal(box.open(row.secret())))
				.param("id", row.id())
				.update();
		}
		return rows.size();
	}

}
