package vn.trean.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.UnitId;

/**
 * Reads what statistics count of a batch of reports, in one statement: how it came, what
 * it was, where it was routed. No reporter, no child, no account.
 */
@Component
public class ReportStatisticsFacts {

	/**
	 * A report as statistics count it.
	 *
	 * @param routedTo the unit it was routed to when it was recorded
	 * @param transferOut whether it must go to another province
	 */
	public record Fact(ReportId id, UnitId routedTo, Instant receivedAt, Channel channel, ContactType contactType,
			boolean transferOut, boolean inCase, boolean demo) {
	}

	private final JdbcClient jdbc;

	ReportStatisticsFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The reports after {@code after} (null: from the first) by id, at most
	 * {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<ReportId> after(@Nullable ReportId after, int limit) {
		return jdbc
			.sql("SELECT id FROM report WHERE CAST(:after AS UUID) IS NULL OR id > :after ORDER BY id LIMIT :limit")
			.param("after", after == null ? null : after.value())
			.param("limit", limit)
			.query((rs, n) -> new ReportId(rs.getObject(1, UUID.class)))
			.list();
	}

	/**
	 * The reference codes of the reports among {@code ids}, by id: how a list names them.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<ReportId, String> referenceCodes(Collection<ReportId> ids) {
		java.util.Map<ReportId, String> codes = new java.util.HashMap<>();
		jdbc.sql("SELECT id, reference_code FROM report WHERE id = ANY(:ids)")
			.param("ids", ids.stream().map(ReportId::value).distinct().toArray(UUID[]::new))
			.query(rs -> {
				codes.put(new ReportId(rs.getObject(1, UUID.class)), rs.getString(2));
			});
		return codes;
	}

	@Transactional(readOnly = true)
	public List<Fact> of(Collection<ReportId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, routed_unit_id, received_at, channel, contact_type, transfer_out, in_case, demo
				FROM report WHERE id = ANY(:ids) ORDER BY id""")
			.param("ids", ids.stream().map(ReportId::value).distinct().toArray(UUID[]::new))
			.query((rs, n) -> new Fact(new ReportId(rs.getObject("id", UUID.class)),
					new UnitId(rs.getLong("routed_unit_id")), rs.getTimestamp("received_at").toInstant(),
					Channel.valueOf(rs.getString("channel")), ContactType.valueOf(rs.getString("contact_type")),
					rs.getBoolean("transfer_out"), rs.getBoolean("in_case"), rs.getBoolean("demo")))
			.list();
	}

}
