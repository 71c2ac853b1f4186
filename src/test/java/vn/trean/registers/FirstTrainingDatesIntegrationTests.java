package vn.trean.registers;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first training dates kept on the roster (V20) follow every change of the
 * participations and trainings they derive from, in the same transaction, and the grouped
 * counts that read them agree with the counts that read the participations.
 */
@IntegrationTest
class FirstTrainingDatesIntegrationTests {

	private static final String BY = "first-training-test";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	@Autowired
	RegisterCounts registerCounts;

	@Autowired
	javax.sql.DataSource dataSource;

	@AfterEach
	void removeRecords() {
		jdbc.sql("DELETE FROM training_participant WHERE training_id IN (SELECT id FROM training WHERE entered_by = ?)")
			.param(BY)
			.update();
		jdbc.sql("DELETE FROM training WHERE entered_by = ?").param(BY).update();
		jdbc.sql("DELETE FROM workforce_member WHERE entered_by = ?").param(BY).update();
	}

	@Test
	void theFirstTrainingDatesFollowEveryChangeOfParticipationsAndTrainings() {
		UnitId caiKhe = testUnits.caiKhe();
		long member = member(caiKhe, "Người kiểm thử ngày tập huấn", "FEMALE");
		long skills = training(caiKhe, "2015-03-01", "SCHOOL_VIOLENCE");
		assertThat(dates(member)).containsEntry("any", null).containsEntry("investigation", null);
		attend(skills, member);
		assertThat(dates(member)).containsEntry("any", "2015-03-01").containsEntry("investigation", null);
		long investigation = training(caiKhe, "2014-06-01", "CHILD_FRIENDLY_INVESTIGATION");
		attend(investigation, member);
		assertThat(dates(member)).containsEntry("any", "2014-06-01").containsEntry("investigation", "2014-06-01");
		jdbc.sql("UPDATE training SET held_on = DATE '2016-02-01' WHERE id = ?").param(investigation).update();
		assertThat(dates(member)).containsEntry("any", "2015-03-01").containsEntry("investigation", "2016-02-01");
		jdbc.sql("UPDATE training SET kind = 'HEALTH_CARE' WHERE id = ?").param(investigation).update();
		assertThat(dates(member)).containsEntry("investigation", null);
		jdbc.sql("DELETE FROM training_participant WHERE training_id = ?").param(skills).update();
		assertThat(dates(member)).containsEntry("any", "2016-02-01");
		// the grouped counts read the dates, the single counts the participations
		for (int year = 2014; year <= 2016; year++) {
			var grouped = registerCounts.countsByCommune(geography.provinceOf(caiKhe), year, year,
					java.util.EnumSet.of(RegisterCounts.Count.WORKFORCE_TRAINED));
			assertThat(grouped.get(caiKhe, year).get(RegisterCounts.Count.WORKFORCE_TRAINED)).as("" + year)
				.isEqualTo(registerCounts.counts(caiKhe, year).get(RegisterCounts.Count.WORKFORCE_TRAINED));
		}
		jdbc.sql("DELETE FROM training WHERE id = ?").param(investigation).update();
		assertThat(dates(member)).containsEntry("any", null).containsEntry("investigation", null);
	}

	@Test
	void participationsOfOneMemberAddedByTwoUsersAtOnceKeepTheEarliestDate() throws Exception {
		UnitId caiKhe = testUnits.caiKhe();
		long member = member(caiKhe, "Người tập huấn hai lớp cùng lúc", "MALE");
		long early = training(caiKhe, "2018-04-01", "SCHOOL_VIOLENCE");
		long late = training(caiKhe, "2020-04-01", "SCHOOL_VIOLENCE");
		String attend = "INSERT INTO training_participant (training_id, workforce_member_id) VALUES (?, ?)";

		boolean waited = vn.trean.OverlappingTransactions.run(dataSource, jdbc, c -> {
			try (var insert = c.prepareStatement(attend)) {
				insert.setLong(1, early);
				insert.setLong(2, member);
				insert.executeUpdate();
			}
		}, c -> {
			try (var insert = c.prepareStatement(attend)) {
				insert.setLong(1, late);
				insert.setLong(2, member);
				insert.executeUpdate();
			}
		});

		assertThat(dates(member)).containsEntry("any", "2018-04-01");
		assertThat(waited).as("the second writer waits for the first").isTrue();
	}

	private long member(UnitId unit, String name, String sex) {
		return jdbc.sql("""
				INSERT INTO workforce_member (unit_id, full_name, role, sex, active_from, entered_by, entered_at)
				VALUES (?, ?, 'VOLUNTEER', ?, DATE '2010-01-01', ?, now()) RETURNING id""")
			.params(unit.value(), name, sex, BY)
			.query(Long.class)
			.single();
	}

	private long training(UnitId unit, String on, String kind) {
		return jdbc.sql("""
				INSERT INTO training (unit_id, held_on, topic, organiser, kind, entered_by, entered_at)
				VALUES (?, ?, 'Tập huấn kiểm thử', 'Sở Y tế', ?, ?, now()) RETURNING id""")
			.params(unit.value(), LocalDate.parse(on), kind, BY)
			.query(Long.class)
			.single();
	}

	private void attend(long training, long member) {
		jdbc.sql("INSERT INTO training_participant (training_id, workforce_member_id) VALUES (?, ?)")
			.params(training, member)
			.update();
	}

	private Map<String, String> dates(long member) {
		Map<String, String> dates = new java.util.HashMap<>();
		jdbc.sql("SELECT first_trained_on, first_investigation_training_on FROM workforce_member WHERE id = ?")
			.param(member)
			.query(rs -> {
				dates.put("any", rs.getString(1));
				dates.put("investigation", rs.getString(2));
			});
		return dates;
	}

}
