package vn.trean.referrals;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.cases.DeadlineRules;
import vn.trean.directory.Sector;

/** Reads the referral settings: the service catalogue and the sectors' field sets. */
@Service
@Transactional(readOnly = true)
public class ReferralSettings {

	private final JdbcClient jdbc;

	ReferralSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Catalogue catalogue() {
		Map<ReferralService, Set<Sector>> sectors = new EnumMap<>(ReferralService.class);
		jdbc.sql("SELECT service, sector FROM referral_service_sector").query((rs, n) -> {
			sectors.computeIfAbsent(ReferralService.valueOf(rs.getString(1)), s -> EnumSet.noneOf(Sector.class))
				.add(Sector.valueOf(rs.getString(2)));
			return null;
		}).list();
		Map<ReferralService, ServiceRule> rules = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM referral_service_kind ORDER BY sort").query((rs, n) -> {
			ReferralService s = ReferralService.valueOf(rs.getString("code"));
			return new ServiceRule(s, SharingPurpose.valueOf(rs.getString("purpose")),
					sectors.getOrDefault(s, Set.of()),
					new DeadlineRules.Rule(rs.getInt("response_amount"),
							DeadlineRules.Unit.valueOf(rs.getString("response_unit")), false),
					new DeadlineRules.Rule(rs.getInt("completion_amount"),
							DeadlineRules.Unit.valueOf(rs.getString("completion_unit")), false),
					rs.getBoolean("active"));
		}).list().forEach(r -> rules.put(r.service(), r));
		DeadlineRules.Rule forwarding = jdbc
			.sql("SELECT amount, unit FROM referral_clock_rule WHERE clock = 'FORWARDING'")
			.query((rs, n) -> new DeadlineRules.Rule(rs.getInt(1), DeadlineRules.Unit.valueOf(rs.getString(2)), true))
			.single();
		return new Catalogue(rules, forwarding);
	}

	public FieldSets fieldSets() {
		Map<Sector, Set<ShareField>> fields = new EnumMap<>(Sector.class);
		jdbc.sql("SELECT sector, field FROM share_field_set").query((rs, n) -> {
			fields.computeIfAbsent(Sector.valueOf(rs.getString(1)), s -> EnumSet.noneOf(ShareField.class))
				.add(ShareField.valueOf(rs.getString(2)));
			return null;
		}).list();
		Set<Sector> reporter = EnumSet.noneOf(Sector.class);
		jdbc.sql("SELECT sector FROM share_sector_option WHERE reporter_on_explicit_share")
			.query(String.class)
			.list()
			.forEach(s -> reporter.add(Sector.valueOf(s)));
		return new FieldSets(fields, reporter);
	}

}
