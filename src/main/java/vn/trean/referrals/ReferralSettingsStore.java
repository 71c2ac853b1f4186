package vn.trean.referrals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.cases.DeadlineRules;
import vn.trean.directory.Sector;

/**
 * The referral settings in PostgreSQL (V39): the catalogue, the field sets and the
 * revision that every change moves in its own transaction.
 */
@Repository
class ReferralSettingsStore {

	private final JdbcClient jdbc;

	ReferralSettingsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long revision() {
		return jdbc.sql("SELECT revision FROM referral_settings_revision").query(Long.class).single();
	}

	/**
	 * Moves the revision; as its row stays locked until the transaction ends, changes of
	 * the settings take turns, so each reads the state it changes.
	 */
	void moveRevision() {
		jdbc.sql("UPDATE referral_settings_revision SET revision = nextval('referral_settings_revision_seq')").update();
	}

	Catalogue catalogue() {
		Map<ReferralService, Set<Sector>> sectors = new EnumMap<>(ReferralService.class);
		jdbc.sql("SELECT service, sector FROM referral_service_sector")
			.query((RowCallbackHandler) rs -> sectors
				.computeIfAbsent(ReferralService.valueOf(rs.getString("service")), s -> EnumSet.noneOf(Sector.class))
				.add(Sector.valueOf(rs.getString("sector"))));
		Map<ReferralService, ServiceRule> services = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT code, purpose, response_amount, response_unit, completion_amount, completion_unit, active
				FROM referral_service_kind ORDER BY sort, code""").query(rs -> {
			ReferralService service = ReferralService.valueOf(rs.getString("code"));
			services.put(service, new ServiceRule(service, SharingPurpose.valueOf(rs.getString("purpose")),
					sectors.getOrDefault(service, Set.of()),
					rule(rs.getInt("response_amount"), rs.getString("response_unit")),
					rule(rs.getInt("completion_amount"), rs.getString("completion_unit")), rs.getBoolean("active")));
		});
		DeadlineRules.Rule forwarding = jdbc
			.sql("SELECT amount, unit, statutory FROM referral_clock_rule WHERE clock = 'FORWARDING'")
			.query((rs, n) -> new DeadlineRules.Rule(rs.getInt("amount"),
					DeadlineRules.Unit.valueOf(rs.getString("unit")), rs.getBoolean("statutory")))
			.single();
		return new Catalogue(services, forwarding);
	}

	FieldSets fieldSets() {
		Map<Sector, Set<ShareField>> fields = new EnumMap<>(Sector.class);
		jdbc.sql("SELECT sector, field FROM share_field_set")
			.query((RowCallbackHandler) rs -> fields
				.computeIfAbsent(Sector.valueOf(rs.getString("sector")), s -> EnumSet.noneOf(ShareField.class))
				.add(ShareField.valueOf(rs.getString("field"))));
		Set<Sector> reporter = EnumSet.noneOf(Sector.class);
		jdbc.sql("SELECT sector FROM share_sector_option WHERE reporter_on_explicit_share")
			.query((RowCallbackHandler) rs -> reporter.add(Sector.valueOf(rs.getString("sector"))));
		return new FieldSets(fields, reporter);
	}

	/** The services still as seeded: no administrator has confirmed or changed them. */
	Set<ReferralService> servicesAsSeeded() {
		Set<ReferralService> seeded = EnumSet.noneOf(ReferralService.class);
		jdbc.sql("SELECT code FROM referral_service_kind WHERE changed_at IS NULL")
			.query((RowCallbackHandler) rs -> seeded.add(ReferralService.valueOf(rs.getString("code"))));
		return seeded;
	}

	/** The sectors whose field set no administrator has saved yet. */
	Set<Sector> fieldSetsAsSeeded() {
		Set<Sector> saved = EnumSet.noneOf(Sector.class);
		jdbc.sql("SELECT sector FROM share_sector_option WHERE changed_at IS NOT NULL")
			.query((RowCallbackHandler) rs -> saved.add(Sector.valueOf(rs.getString("sector"))));
		return EnumSet.complementOf(saved.isEmpty() ? EnumSet.noneOf(Sector.class) : EnumSet.copyOf(saved));
	}

	void updateService(ReferralService service, ServiceChange change, long by, Instant at) {
		jdbc.sql("""
				UPDATE referral_service_kind SET purpose = :purpose, response_amount = :responseAmount,
				  response_unit = :responseUnit, completion_amount = :completionAmount,
				  completion_unit = :completionUnit, active = :active, changed_by = :by, changed_at = :at
				WHERE code = :code""")
			.param("purpose", change.purpose().name())
			.param("responseAmount", change.responseAmount())
			.param("responseUnit", change.responseUnit().name())
			.param("completionAmount", change.completionAmount())
			.param("completionUnit", change.completionUnit().name())
			.param("active", change.offered())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("code", service.name())
			.update();
		jdbc.sql("DELETE FROM referral_service_sector WHERE service = ?").param(service.name()).update();
		for (Sector sector : change.sectors()) {
			jdbc.sql("INSERT INTO referral_service_sector (service, sector) VALUES (?, ?)")
				.params(service.name(), sector.name())
				.update();
		}
	}

	void replaceFieldSet(Sector sector, Set<ShareField> fields, boolean reporter, long by, Instant at) {
		jdbc.sql("DELETE FROM share_field_set WHERE sector = ?").param(sector.name()).update();
		for (ShareField field : fields) {
			jdbc.sql("INSERT INTO share_field_set (sector, field) VALUES (?, ?)")
				.params(sector.name(), field.name())
				.update();
		}
		jdbc.sql("""
				INSERT INTO share_sector_option (sector, reporter_on_explicit_share, changed_by, changed_at)
				VALUES (:sector, :reporter, :by, :at)
				ON CONFLICT (sector) DO UPDATE SET reporter_on_explicit_share = :reporter, changed_by = :by,
				  changed_at = :at""")
			.param("sector", sector.name())
			.param("reporter", reporter)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	private static DeadlineRules.Rule rule(int amount, String unit) {
		return new DeadlineRules.Rule(amount, DeadlineRules.Unit.valueOf(unit), false);
	}

}
