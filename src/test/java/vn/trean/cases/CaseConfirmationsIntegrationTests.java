package vn.trean.cases;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import vn.trean.IntegrationTest;
import vn.trean.TestUserAgent;
import vn.trean.geography.AdministrativeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps that end something over HTTP: each asks for a confirmation that says what
 * will happen, a step posted without it is refused and changes nothing, and a closed case
 * offers nothing but reading and, to the chair, reopening.
 */
@IntegrationTest
class CaseConfirmationsIntegrationTests extends DecisionPagesFixture {

	@Test
	void closingAsksForAConfirmationThatSaysWhatWillHappenAndOnlyThenCloses() {
		readyToClose();
		TestUserAgent agent = signedIn(chairName);
		Element form = Jsoup.parse(agent.get("/cases/" + id).body()).selectFirst("#decide-close");
		assertThat(form.attr("action")).isEqualTo("/cases/" + id + "/steps/CLOSE/confirm");
		String seen = String.valueOf(version());

		Document confirm = Jsoup.parse(agent.post(form.attr("action"), Map.of("version", seen, "text", "")).body());

		assertThat(confirm.selectFirst("h1").text()).isEqualTo(message("case.confirm.title.CLOSE"));
		assertThat(confirm.selectFirst("#consequence").text()).isEqualTo(message("case.confirm.consequence.CLOSE"));
		Element second = confirm.selectFirst("#confirm-form");
		assertThat(second.attr("action")).isEqualTo("/cases/" + id + "/steps/CLOSE");
		assertThat(second.selectFirst("input[name=confirmed]").val()).isEqualTo("true");
		assertThat(second.selectFirst("#confirm-step").hasClass("danger")).isTrue();
		assertThat(confirm.selectFirst("#cancel-step").attr("href")).isEqualTo("/cases/" + id);
		assertThat(status()).as("asking changes nothing").isEqualTo("REVIEW");
		assertThat(String.valueOf(version())).isEqualTo(seen);

		var closed = agent.post(second.attr("action"), Map.of("version", seen, "text", "", "confirmed", "true"));

		assertThat(closed.status()).isEqualTo(302);
		assertThat(status()).isEqualTo("CLOSED");
	}

	@Test
	void aClosingPostedWithoutItsConfirmationIsRefusedWithAMessageAndChangesNothing() {
		readyToClose();
		int before = version();

		var refused = signedIn(chairName).post("/cases/" + id + "/steps/CLOSE",
				Map.of("version", String.valueOf(before), "text", "Đóng ngay"));

		assertThat(refused.status()).isEqualTo(409);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.selectFirst("#refusal").text()).isEqualTo(message("case.confirm.missing"));
		assertThat(page.selectFirst("#text-CLOSE").text()).as("what was typed").isEqualTo("Đóng ngay");
		assertThat(status()).isEqualTo("REVIEW");
		assertThat(version()).isEqualTo(before);
		assertThat(entries("CLOSED") + entries("CLOSED_BY_OVERRIDE")).isZero();
	}

	@Test
	void notSubstantiatedIsConfirmedAndItsReasonCheckedBeforeItsConfirmationIsAsked() {
		TestUserAgent agent = signedIn(officerName);
		String seen = String.valueOf(version());
		var unconfirmed = agent.post("/cases/" + id + "/steps/NOT_SUBSTANTIATED",
				Map.of("version", seen, "text", "Tin báo sai"));
		assertThat(unconfirmed.status()).isEqualTo(409);
		assertThat(status()).isEqualTo("RECEIVED");

		var noReason = agent.post("/cases/" + id + "/steps/NOT_SUBSTANTIATED/confirm", Map.of("version", seen));
		assertThat(noReason.status()).isEqualTo(422);
		Document refused = Jsoup.parse(noReason.body());
		assertThat(refused.selectFirst("#consequence")).isNull();
		assertThat(refused.selectFirst("#reason-error").text()).isEqualTo(message("validation.required"));

		Document confirm = Jsoup.parse(agent
			.post("/cases/" + id + "/steps/NOT_SUBSTANTIATED/confirm", Map.of("version", seen, "text", "Tin báo sai"))
			.body());
		assertThat(confirm.selectFirst("#consequence").text())
			.isEqualTo(message("case.confirm.consequence.NOT_SUBSTANTIATED"));
		assertThat(confirm.selectFirst("#confirm-text").text()).isEqualTo("Tin báo sai");
		assertThat(agent
			.post("/cases/" + id + "/steps/NOT_SUBSTANTIATED",
					Map.of("version", seen, "text", "Tin báo sai", "confirmed", "true"))
			.status()).isEqualTo(302);
		assertThat(status()).isEqualTo("NOT_SUBSTANTIATED");
	}

	@Test
	void aStaleOrOutOfOrderStepIsRefusedBeforeItsConfirmationIsAsked() {
		TestUserAgent agent = signedIn(chairName);
		var outOfOrder = agent.post("/cases/" + id + "/steps/CLOSE/confirm", Map.of("version", "" + version()));
		assertThat(outOfOrder.status()).isEqualTo(409);
		assertThat(Jsoup.parse(outOfOrder.body()).selectFirst("#consequence")).isNull();

		TestUserAgent officerAgent = signedIn(officerName);
		var stale = officerAgent.post("/cases/" + id + "/steps/NOT_SUBSTANTIATED/confirm",
				Map.of("version", "" + (version() - 1), "text", "Tin báo sai"));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(Jsoup.parse(stale.body()).selectFirst("#refusal").text()).isEqualTo(message("case.concurrent-edit"));
		assertThat(officerAgent.post("/cases/" + id + "/steps/START_REVIEW/confirm", Map.of("version", "" + version()))
			.status()).as("a step that ends nothing has no confirmation").isEqualTo(404);
		assertThat(status()).isEqualTo("RECEIVED");
	}

	@Test
	void aConfirmationAskedForNoStepNoCaseOrWithAnyOtherAnswerChangesNothingAndIsNeverAnError() {
		TestUserAgent agent = signedIn(officerName);
		String seen = String.valueOf(version());

		assertThat(agent.post("/cases/" + id + "/steps/BURN/confirm", Map.of("version", seen)).status()).isEqualTo(422);
		assertThat(agent.post("/cases/not-a-case/steps/NOT_SUBSTANTIATED/confirm", Map.of("version", seen)).status())
			.isEqualTo(404);
		assertThat(agent.post("/cases/" + id + "/steps/NOT_SUBSTANTIATED/confirm", Map.of("version", "x")).status())
			.isEqualTo(422);
		var otherAnswer = agent.post("/cases/" + id + "/steps/NOT_SUBSTANTIATED",
				Map.of("version", seen, "text", "Tin báo sai", "confirmed", "yes"));
		assertThat(otherAnswer.status()).isEqualTo(409);
		assertThat(Jsoup.parse(otherAnswer.body()).selectFirst("#refusal").text())
			.isEqualTo(message("case.confirm.missing"));
		assertThat(status()).isEqualTo("RECEIVED");
		assertThat(String.valueOf(version())).isEqualTo(seen);
	}

	@Test
	void aTransferNamesTheCommuneItGoesToAndIsSentOnlyOnceConfirmed() {
		TestUserAgent agent = signedIn(officerName);
		AdministrativeUnit ninhKieu = geography.get(testUnits.ninhKieu());
		String seen = String.valueOf(version());
		Map<String, String> transfer = Map.of("version", seen, "toUnit", String.valueOf(ninhKieu.id().value()), "text",
				"Gia đình chuyển nhà");

		var unconfirmed = agent.post("/cases/" + id + "/transfer", transfer);
		assertThat(unconfirmed.status()).isEqualTo(409);
		assertThat(status()).isEqualTo("RECEIVED");
		var unknown = agent.post("/cases/" + id + "/transfer/confirm",
				Map.of("version", seen, "toUnit", "999999999", "text", "Gia đình chuyển nhà"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(Jsoup.parse(unknown.body()).selectFirst("#toUnit-error").text())
			.isEqualTo(message("validation.unit-unknown"));

		Document confirm = Jsoup.parse(agent.post("/cases/" + id + "/transfer/confirm", transfer).body());
		assertThat(confirm.selectFirst("#consequence").text())
			.isEqualTo(message("case.confirm.consequence.REQUEST_TRANSFER", ninhKieu.fullName()));
		Element second = confirm.selectFirst("#confirm-form");
		assertThat(second.attr("action")).isEqualTo("/cases/" + id + "/transfer");
		assertThat(second.selectFirst("input[name=toUnit]").val()).isEqualTo(String.valueOf(ninhKieu.id().value()));
		assertThat(agent
			.post(second.attr("action"),
					Map.of("version", seen, "toUnit", String.valueOf(ninhKieu.id().value()), "text",
							"Gia đình chuyển nhà", "confirmed", "true"))
			.status()).isEqualTo(302);
		assertThat(status()).isEqualTo("TRANSFERRING");
	}

	@Test
	void theReceivingCommuneDeclinesATransferOnlyOnceConfirmed() {
		transfers.request(as(officer), id, version(),
				new CaseTransfers.Request(testUnits.ninhKieu().value(), "Gia đình chuyển nhà"));
		TestUserAgent receiving = signedIn(testAccounts.create(vn.trean.identity.Role.COMMUNE_OFFICER, "31135"));
		Element form = Jsoup.parse(receiving.get("/cases/" + id).body()).selectFirst("#step-form-DECLINE_TRANSFER");
		assertThat(form.attr("action")).isEqualTo("/cases/" + id + "/steps/DECLINE_TRANSFER/confirm");
		assertThat(form.selectFirst("#step-DECLINE_TRANSFER").hasClass("danger")).isTrue();
		String seen = String.valueOf(version());

		var unconfirmed = receiving.post("/cases/" + id + "/steps/DECLINE_TRANSFER",
				Map.of("version", seen, "text", "Gia đình không ở đây"));
		assertThat(unconfirmed.status()).isEqualTo(409);
		assertThat(status()).isEqualTo("TRANSFERRING");
		Document confirm = Jsoup
			.parse(receiving.post(form.attr("action"), Map.of("version", seen, "text", "Gia đình không ở đây")).body());
		assertThat(confirm.selectFirst("#consequence").text())
			.isEqualTo(message("case.confirm.consequence.DECLINE_TRANSFER"));
		assertThat(receiving
			.post("/cases/" + id + "/steps/DECLINE_TRANSFER",
					Map.of("version", seen, "text", "Gia đình không ở đây", "confirmed", "true"))
			.status()).isEqualTo(302);
		assertThat(status()).isEqualTo("RECEIVED");
	}

	@Test
	void aClosedCaseOffersNothingButReadingAndToTheChairReopening() {
		readyToClose();
		workflow.close(as(chair), id, version(), null);

		Document officerPage = Jsoup.parse(signedIn(officerName).get("/cases/" + id).body());
		assertThat(officerPage.select("main form")).as("no form for the officer").isEmpty();
		assertThat(officerPage.selectFirst("#steps")).isNull();
		assertThat(officerPage.selectFirst("#timeline")).isNotNull();
		Document chairPage = Jsoup.parse(signedIn(chairName).get("/cases/" + id).body());
		assertThat(chairPage.select("main form")).extracting(f -> f.attr("action"))
			.containsExactly("/cases/" + id + "/steps/REOPEN");
		assertThat(primaryActions(chairPage)).extracting(e -> e.id()).containsExactly("step-REOPEN");

		int before = version();
		var note = signedIn(officerName).post("/cases/" + id + "/notes",
				Map.of("version", String.valueOf(before), "text", "Ghi chú sau khi đóng", "visibility", "CASE_TEAM"));
		assertThat(note.status()).isEqualTo(409);
		assertThat(version()).isEqualTo(before);
		assertThat(entries("NOTE")).isZero();
	}

	@Test
	void theConfirmationSpeaksEnglishToAnEnglishReader() {
		readyToClose();
		TestUserAgent agent = signedIn(chairName);
		agent.get("/cases/" + id + "?lang=en");

		Document confirm = Jsoup.parse(agent
			.post("/cases/" + id + "/steps/CLOSE/confirm", Map.of("version", String.valueOf(version()), "text", ""))
			.body());

		assertThat(confirm.selectFirst("#consequence").text()).startsWith("The case will close: every deadline stops")
			.contains("Only the commune chair can reopen the case");
		assertThat(confirm.selectFirst("#confirm-step").text()).isEqualTo("Close the case");
		var refused = agent.post("/cases/" + id + "/steps/CLOSE", Map.of("version", String.valueOf(version())));
		assertThat(Jsoup.parse(refused.body()).selectFirst("#refusal").text())
			.isEqualTo("This step was not taken: it must be confirmed on the page that says what it will do.");
	}

}
