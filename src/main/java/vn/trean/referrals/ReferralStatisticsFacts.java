package vn.trean.referrals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.cases.CaseId;
import vn.trean.geography.UnitId;

/**
 * Reads what statistics count of a batch of referrals, in one statement: the sending
 * commune, the sector, the state and its times. Drafts are no referral yet and are not
 * read.
 */
@Component
public class ReferralStatisticsFacts {

	/** A sent referral as statistics count it. */
	public record Fact(ReferralId id, CaseId caseId, UnitId unit, String sector, Referral.Status status, Instant sentAt,
			@Nullable Instant answeredAt, @Nullable Instant completedAt, boolean demo) {
	}

	private final JdbcClient jdbc;

	ReferralStatisticsFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The referrals after {@code after} (null: from the first) by id, at most
	 * {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<ReferralId> after(@Nullable ReferralId after, int limit) {
		return jdbc
			.sql("SELECT id FROM referral WHERE CAST(:after AS UUID) IS NULL OR id > :after ORDER BY id LIMIT :limit")
			.param("after", after == null ? null : after.value())
			.param("limit", limit)
			.query((rs, n) -> new ReferralId(rs.getObject(1, UUID.class)))
			.list();
	}

	/** Every referral of the cases, drafts included (their rows are removed if any). */
	@Transactional(readOnly = true)
	public List<ReferralId> ofCases(Collection<CaseId> cases) {
		if (cases.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id FROM referral WHERE case_id = ANY(:cases) ORDER BY id")
			.param("cases", cases.stream().map(CaseId::value).distinct().toArray(UUID[]::new))
			.query((rs, n) -> new ReferralId(rs.getObject(1, UUID.class)))
			.list();
	}

	/** The sent referrals among {@code ids}; drafts and unknown ids are left out. */
	@Transactional(readOnly = true)
	public List<Fact> of(Collection<ReferralId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, case_id, unit_id, sector, state, sent_at, answered_at, completed_at, demo FROM referral
				WHERE id = ANY(:ids) AND sent_at IS NOT NULL ORDER BY id""")
			.param("ids", ids.stream().map(ReferralId::value).distinct().toArray(UUID[]::new))
			.query((rs, n) -> new Fact(new ReferralId(rs.getObject("id", UUID.class)),
					new CaseId(rs.getObject("case_id", UUID.class)), new UnitId(rs.getLong("unit_id")),
					rs.getString("sector"), Referral.Status.valueOf(rs.getString("state")),
					rs.getTimestamp("sent_at").toInstant(), instant(rs.getTimestamp("answered_at")),
					instant(rs.getTimestamp("completed_at")), rs.getBoolean("demo")))
			.list();
	}

	private static @Nullable Instant instant(@Nullable Timestamp at) {
		return at == null ? null : at.toInstant();
	}

}
