package vn.trean.children;

import java.time.LocalDate;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trean.children.CircumstancesFixture.page;
import static vn.trean.children.CircumstancesFixture.post;
import static vn.trean.children.CircumstancesFixture.text;

/**
 * A child's special circumstances over HTTP: recorded, corrected (the old version kept
 * and shown) and ended by her commune's officer; refused input that changes nothing;
 * another commune's officer who is told the child does not exist; every showing audited.
 */
@IntegrationTest
class SpecialCircumstancesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	CircumstancesFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new CircumstancesFixture(port, context);
	}

	@Test
	void anOfficerRecordsCorrectsAndEndsAnEntryAndThePageShowsEveryVersion() {
		Child hoa = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2015, 3, 4));
		TestUserAgent officer = fixture.signedIn(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
		LocalDate start = fixture.today().minusMonths(3);

		var recorded = post(officer, hoa, "/entries",
				Map.of("group", "ABANDONED", "startedOn", start.toString(), "evidence", "Biên bản của công an phường"));
		long entry = fixture.onlyEntryOf(hoa);
		var corrected = post(officer, hoa, "/entries/correct",
				Map.of("entry", String.valueOf(entry), "version", "1", "group", "NO_ONE_TO_RELY_ON", "startedOn",
						start.toString(), "reason", "Nhầm nhóm: trẻ không bị bỏ rơi mà không nơi nương tựa"));
		var ended = post(officer, hoa, "/entries/end",
				Map.of("entry", String.valueOf(entry), "version", "2", "endedOn", fixture.today().toString()));

		assertThat(recorded.status()).isEqualTo(302);
		assertThat(corrected.status()).isEqualTo(302);
		assertThat(ended.status()).isEqualTo(302);
		assertThat(ended.location()).endsWith(page(hoa));
		assertThat(fixture.entries(hoa)).isEqualTo(1);
		assertThat(fixture.entryVersions(hoa)).as("every version kept").isEqualTo(3);
		Document shown = Jsoup.parse(officer.get(page(hoa)).body());
		var history = shown.select("#entry-" + entry + "-history li");
		assertThat(history).hasSize(3);
		assertThat(history.select("[data-version=1]").text()).contains(fixture.message("circumstance.group.ABANDONED"));
		assertThat(history.select("[data-version=2]").text())
			.contains(fixture.message("circumstance.group.NO_ONE_TO_RELY_ON"), "Nhầm nhóm");
		assertThat(shown.select("#entry-" + entry).attr("data-open")).isEqualTo("false");
		assertThat(fixture.audited("CIRCUMSTANCE_CORRECTED", hoa)).isEqualTo(1);
	}

	@Test
	void aCorrectionFromAVersionNoLongerCurrentIsRefusedAsChangedMeanwhileAndEveryIdOnThePageIsUnique() {
		Child hoa = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2015, 3, 4));
		TestUserAgent officer = fixture.signedIn(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
		String start = fixture.today().minusMonths(2).toString();
		post(officer, hoa, "/entries", Map.of("group", "EXPLOITED", "startedOn", start));
		post(officer, hoa, "/supports", Map.of("kind", "LEGAL_AID", "from", start));
		long entry = fixture.onlyEntryOf(hoa);
		Map<String, String> correction = Map.of("entry", String.valueOf(entry), "version", "1", "group", "EXPLOITED",
				"startedOn", start, "evidence", "Thêm biên bản", "reason", "Bổ sung căn cứ");
		post(officer, hoa, "/entries/correct", correction);

		var stale = post(officer, hoa, "/entries/correct", correction);

		assertThat(stale.status()).isEqualTo(409);
		assertThat(text(stale)).contains(fixture.message("circumstance.changed-meanwhile"));
		assertThat(fixture.entryVersions(hoa)).isEqualTo(2);
		Document page = Jsoup.parse(officer.get(page(hoa)).body());
		assertThat(page.select("[id]").eachAttr("id")).doesNotHaveDuplicates();
		assertThat(page.select("form#entry-form select#group")).as("the new entry's controls named by their fields")
			.hasSize(1);
	}

	@Test
	void theCasePageLinksEachOfItsChildrenToHerSpecialCircumstances() {
		var caseId = context.getBean(vn.trean.cases.TestCommune.class)
			.reported(vn.trean.ReportDrafts.at(context.getBean(TestUnits.class).caiKhe())
				.withChild("Lâm Thị Liên " + System.nanoTime() % 10000, 8)
				.withHarm(vn.trean.intake.HarmForm.NEGLECT)
				.withAccount("Trẻ bị bỏ mặc ở nhà.")
				.build());
		TestUserAgent officer = fixture.signedIn(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);

		Document casePage = Jsoup.parse(officer.get("/cases/" + caseId).body());
		var link = casePage.select("a[href^=/children/][href$=/circumstances]");

		assertThat(link).hasSize(1);
		assertThat(officer.get(link.attr("href")).status()).isEqualTo(200);
	}

	@Test
	void aCorrectionWithoutAReasonIsRefusedAndKeepsTheEntryAsItWas() {
		Child hoa = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2015, 3, 4));
		TestUserAgent officer = fixture.signedIn(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
		String start = fixture.today().minusMonths(1).toString();
		post(officer, hoa, "/entries", Map.of("group", "DISABILITY", "startedOn", start));
		long entry = fixture.onlyEntryOf(hoa);

		var refused = post(officer, hoa, "/entries/correct", Map.of("entry", String.valueOf(entry), "version", "1",
				"group", "HIV_AIDS", "startedOn", start, "reason", " "));

		assertThat(refused.status()).isEqualTo(422);
		Document shown = Jsoup.parse(refused.body());
		assertThat(shown.getElementById("reason")).as("the refused form names its controls").isNotNull();
		assertThat(shown.select("#entry-" + entry + " details[open]")).isNotEmpty();
		assertThat(fixture.entryVersions(hoa)).isEqualTo(1);
	}

	@Test
	void aStartInTheFutureIsRefusedWithItsReasonAndNothingIsSaved() {
		Child hoa = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2015, 3, 4));
		TestUserAgent officer = fixture.signedIn(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);

		var refused = post(officer, hoa, "/entries",
				Map.of("group", "DISABILITY", "startedOn", fixture.today().plusDays(2).toString()));
		var unknownGroup = post(officer, hoa, "/entries",
				Map.of("group", "NOT_A_GROUP", "startedOn", fixture.today().toString()));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(text(refused)).contains(fixture.message("circumstance.start.future"));
		assertThat(Jsoup.parse(refused.body()).getElementById("startedOn").attr("value"))
			.isEqualTo(fixture.today().plusDays(2).toString());
		assertThat(unknownGroup.status()).isEqualTo(422);
		assertThat(fixture.entries(hoa)).isZero();
	}

	@Test
	void anotherCommunesOfficerIsToldTheChildDoesNotExistAndTheRefusalIsAudited() {
		Child hoa = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2015, 3, 4));
		TestUserAgent stranger = fixture.signedIn(Role.COMMUNE_OFFICER, TestUnits.NINH_KIEU);

		var shown = stranger.get(page(hoa));
		var posted = stranger.post(page(hoa) + "/entries",
				Map.of("group", "DISABILITY", "startedOn", fixture.today().toString()));

		assertThat(shown.status()).isEqualTo(404);
		assertThat(shown.body()).doesNotContain(hoa.fullName());
		assertThat(posted.status()).isEqualTo(404);
		assertThat(fixture.entries(hoa)).isZero();
		assertThat(fixture.audited("ACCESS_REFUSED", hoa)).isEqualTo(2);
		assertThat(fixture.audited("RECORD_VIEWED", hoa)).isZero();
		assertThat(stranger.get("/children/not-a-reference/circumstances").status()).isEqualTo(404);
	}

	@Test
	void aRecordOfAnotherChildNamedInAFormIsNotFoundAndNothingChanges() {
		Child hoa = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2015, 3, 4));
		Child lan = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2016, 3, 4));
		TestUserAgent officer = fixture.signedIn(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
		String start = fixture.today().minusMonths(2).toString();
		post(officer, hoa, "/entries", Map.of("group", "EXPLOITED", "startedOn", start));
		post(officer, hoa, "/supports", Map.of("kind", "LEGAL_AID", "from", start));
		String entry = String.valueOf(fixture.onlyEntryOf(hoa));
		String support = String
			.valueOf(fixture.count("SELECT id FROM support_entry WHERE child_id = ?", hoa.id().value()));

		var endedElsewhere = post(officer, lan, "/entries/end",
				Map.of("entry", entry, "version", "1", "endedOn", fixture.today().toString()));
		var correctedElsewhere = post(officer, lan, "/supports/correct",
				Map.of("support", support, "version", "1", "kind", "EDUCATION", "from", start, "reason", "Nhầm trẻ"));

		assertThat(endedElsewhere.status()).isEqualTo(404);
		assertThat(correctedElsewhere.status()).isEqualTo(404);
		assertThat(fixture.entryVersions(hoa)).isEqualTo(1);
		assertThat(
				fixture.count("SELECT count(*) FROM support_entry_version WHERE support_id = ?", Long.valueOf(support)))
			.isEqualTo(1);
	}

	@Test
	void everyShowingOfThePageIsAuditedAsAReadingOfTheChildsRecord() {
		Child hoa = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2015, 3, 4));
		TestUserAgent chair = fixture.signedIn(Role.COMMUNE_CHAIR, TestUnits.CAI_KHE);

		var shown = chair.get(page(hoa));
		chair.get(page(hoa));

		assertThat(shown.status()).isEqualTo(200);
		assertThat(fixture.audited("RECORD_VIEWED", hoa)).isEqualTo(2);
		assertThat(fixture.count("""
				SELECT count(*) FROM audit_entry WHERE action = 'RECORD_VIEWED' AND target_id = ?
				  AND detail = 'special circumstances'""", hoa.id().toString())).isEqualTo(2);
		Document page = Jsoup.parse(shown.body());
		assertThat(page.getElementById("view-only")).as("the chair views, the officer records").isNotNull();
		assertThat(page.getElementById("entry-form")).isNull();
		assertThat(chair.post(page(hoa) + "/entries", Map.of("group", "DISABILITY")).status()).isEqualTo(403);
	}

	@Test
	void aSupportIsRecordedAndCorrectedWithTheDirectorysAgencyAndAnEndBeforeItsStartIsRefused() {
		Child hoa = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2015, 3, 4));
		TestUserAgent officer = fixture.signedIn(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
		LocalDate from = fixture.today().minusDays(10);

		var refused = post(officer, hoa, "/supports",
				Map.of("kind", "HEALTHCARE", "from", from.toString(), "to", from.minusDays(1).toString()));
		long agency = fixture.count("SELECT min(id) FROM agency WHERE unit_id = ?", hoa.residence().value());
		String agencyName = fixture.jdbc.sql("SELECT name FROM agency WHERE id = ?")
			.param(agency)
			.query(String.class)
			.single();
		var recorded = post(officer, hoa, "/supports", Map.of("kind", "PSYCHOLOGICAL_SUPPORT", "from", from.toString(),
				"agency", String.valueOf(agency), "provider", ""));
		long support = fixture.count("SELECT id FROM support_entry WHERE child_id = ?", hoa.id().value());
		var corrected = post(officer, hoa, "/supports/correct",
				Map.of("support", String.valueOf(support), "version", "1", "kind", "PSYCHOLOGICAL_SUPPORT", "from",
						from.toString(), "to", fixture.today().toString(), "agency", String.valueOf(agency), "reason",
						"Đã kết thúc đợt tư vấn"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(text(refused)).contains(fixture.message("support.to.before-from"));
		assertThat(recorded.status()).isEqualTo(302);
		assertThat(corrected.status()).isEqualTo(302);
		assertThat(fixture.count("SELECT count(*) FROM support_entry_version WHERE support_id = ?", support))
			.isEqualTo(2);
		Document shown = Jsoup.parse(officer.get(page(hoa)).body());
		assertThat(shown.select("#support-" + support + "-history li")).hasSize(2);
		assertThat(shown.select("#support-" + support).text()).contains(agencyName);
		assertThat(fixture.count("SELECT count(*) FROM support_entry_version WHERE support_id = ? AND agency_id = ?",
				support, agency))
			.isEqualTo(2);
	}

}
