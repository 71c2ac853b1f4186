package vn.trean.cases;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.ReportDrafts;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Relation;
import vn.trean.geography.UnitId;

/**
 * Cases for the list tests, each about a child whose name carries a word no other test
 * uses (so a search finds only this test's cases), reported by a reporter with a phone of
 * its own.
 */
final class CaseListFixture {

	private static final Random RANDOM = new Random();

	private final TestCommune commune;

	private final TestCases testCases;

	private final JdbcClient jdbc;

	/** The word only this test's children carry, without diacritics. */
	final String word;

	CaseListFixture(TestCommune commune, TestCases testCases, JdbcClient jdbc) {
		this.commune = commune;
		this.testCases = testCases;
		this.jdbc = jdbc;
		StringBuilder letters = new StringBuilder("X");
		for (int i = 0; i < 7; i++) {
			letters.append((char) ('a' + RANDOM.nextInt(26)));
		}
		this.word = letters.toString();
	}

	/** A fresh phone number as a reporter types it. */
	static String phone() {
		return "09" + (10_000_000 + RANDOM.nextInt(89_999_999));
	}

	/** The child's full name with diacritics (NFC). */
	String childName(String given) {
		return "Đỗ Thị Thủy " + given + " " + word;
	}

	/** The same name typed without diacritics. */
	String plainName(String given) {
		return "do thi thuy " + Normalizer.normalize(given, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace('đ', 'd')
			.replace('Đ', 'D')
			.toLowerCase(Locale.ROOT) + " " + word.toLowerCase(Locale.ROOT);
	}

	/** A report of violence about a child in the unit; the case it opened. */
	CaseId caseAt(UnitId unit, String given, String phone) {
		return commune.reported(ReportDrafts.at(unit)
			.withChild(childName(given), 9)
			.withHarm(HarmForm.VIOLENCE, HarmForm.NEGLECT)
			.withReporter("Trần Văn Tư", phone, Relation.NEIGHBOUR, false)
			.withAccount("Trẻ bị đánh nhiều lần.")
			.build());
	}

	String code(CaseId id) {
		return testCases.reference(id);
	}

	long userId(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
	}

	void assign(CaseId id, long officer) {
		jdbc.sql("UPDATE protection_case SET assigned_officer_id = ? WHERE id = ?")
			.param(officer)
			.param(id.value())
			.update();
	}

}
