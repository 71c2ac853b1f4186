package vn.trean.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import vn.trean.IntegrationTest;
import vn.trean.OverlappingTransactions;
import vn.trean.TestUserAgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The closing guard: a case cannot be closed while one of its referrals is open unless
 * the chair records why. The confirmation lists the open referrals and asks for the
 * reason; without it nothing changes; with it the case closes, the referrals stay open,
 * and the timeline and the audit say so. A case with none closes as before.
 */
@IntegrationTest
@Import(TestCaseReferrals.class)
class ClosingWithOpenReferralsIntegrationTests extends DecisionPagesFixture {

	static final CaseReferrals.OpenReferral POLICE = new CaseReferrals.OpenReferral("CG-2026-000123",
			"Công an phường Cái Khế", "case-status.IN_IMPLEMENTATION");

	@Autowired
	TestCaseReferrals.Given referrals;

	@Autowired
	DataSource dataSource;

	/** Ready to close, with one referral to the police still open. */
	void readyToCloseWithAnOpenReferral() {
		readyToClose();
		giveOpenReferral();
	}

	void giveOpenReferral() {
		referrals.give(id, List.of(POLICE), List.of(new CaseReferrals.ReferralLine("/referrals/1", POLICE.code(),
				POLICE.agency(), POLICE.stateKey(), Instant.parse("2026-12-01T03:00:00Z"), List.of())));
	}

	@Test
	void theConfirmationListsTheOpenReferralsAndAsksWhyTheCaseClosesWhileTheyRun() {
		readyToCloseWithAnOpenReferral();
		TestUserAgent agent = signedIn(chairName);
		Element form = Jsoup.parse(agent.get("/cases/" + id).body()).selectFirst("#decide-close");

		Document confirm = Jsoup
			.parse(agent.post(form.attr("action"), Map.of("version", String.valueOf(version()), "text", "")).body());

		Element open = confirm.selectFirst("#confirm-form #open-referrals");
		assertThat(open.selectFirst("p").text()).isEqualTo(message("case.referrals.open", 1));
		assertThat(open.select("li")).singleElement()
			.satisfies(li -> assertThat(li.text()).contains("CG-2026-000123", "Công an phường Cái Khế",
					message("case-status.IN_IMPLEMENTATION")));
		assertThat(confirm.selectFirst("#confirm-form textarea#openReferralsReason")).isNotNull();
		assertThat(confirm.selectFirst("label[for=openReferralsReason]").text())
			.isEqualTo(message("case.close.open-referrals-reason"));
		assertThat(status()).isEqualTo("REVIEW");
		Document typed = Jsoup.parse(agent
			.post(form.attr("action"),
					Map.of("version", String.valueOf(version()), "openReferralsReason", "Công an tiếp tục điều tra"))
			.body());
		assertThat(typed.selectFirst("#openReferralsReason").text()).as("what the chair typed on the case page")
			.isEqualTo("Công an tiếp tục điều tra");
	}

	@Test
	void closingWithAnOpenReferralAndNoReasonIsRefusedNamingHowManyAreOpenAndChangesNothing() {
		readyToCloseWithAnOpenReferral();
		int before = version();

		var refused = signedIn(chairName).post("/cases/" + id + "/steps/CLOSE", Map.of("version",
				String.valueOf(before), "text", "", "openReferralsReason", "   ", "confirmed", "true"));

		assertThat(refused.status()).isEqualTo(422);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.selectFirst("#decide-close #openReferralsReason-error").text())
			.isEqualTo(message("case.close.referrals-open.count", 1));
		assertThat(page.selectFirst(".error-summary a[href=#openReferralsReason]").text())
			.isEqualTo(message("case.close.referrals-open"));
		assertThat(page.selectFirst("#decide-close #open-referrals li").text()).contains("CG-2026-000123");
		assertThat(status()).isEqualTo("REVIEW");
		assertThat(version()).isEqualTo(before);
		assertThat(entries("CLOSED") + entries("CLOSED_WITH_OPEN_REFERRALS")).isZero();
		assertThatThrownBy(() -> workflow.close(as(chair), id, before, null, null))
			.isInstanceOfSatisfying(InvalidCaseInput.class, ex -> assertThat(ex.errors().asMap())
				.containsEntry(CaseWorkflow.OPEN_REFERRALS_REASON, "case.close.referrals-open"));
		assertThat(status()).isEqualTo("REVIEW");
	}

	@Test
	void withTheChairsReasonTheCaseClosesAndTheTimelineAndTheAuditSaySo() {
		readyToCloseWithAnOpenReferral();
		TestUserAgent agent = signedIn(chairName);

		var closed = agent.post("/cases/" + id + "/steps/CLOSE", Map.of("version", String.valueOf(version()), "text",
				"", "openReferralsReason", "Trẻ an toàn; cơ quan công an tiếp tục điều tra.", "confirmed", "true"));

		assertThat(closed.status()).isEqualTo(302);
		assertThat(status()).isEqualTo("CLOSED");
		assertThat(jdbc.sql("SELECT text || '|' || ref FROM case_entry WHERE case_id = ? AND kind = ?")
			.param(id.value())
			.param("CLOSED_WITH_OPEN_REFERRALS")
			.query(String.class)
			.single()).isEqualTo("Trẻ an toàn; cơ quan công an tiếp tục điều tra.|1");
		assertThat(entries("CLOSED")).isOne();
		assertThat(auditDetail()).isEqualTo("CLOSED openReferrals=1");
		Element entry = Jsoup.parse(agent.get("/cases/" + id).body())
			.select("#timeline li")
			.stream()
			.filter(li -> li.text().contains(message("entry.CLOSED_WITH_OPEN_REFERRALS")))
			.findFirst()
			.orElseThrow();
		assertThat(entry.text()).contains("Trẻ an toàn; cơ quan công an tiếp tục điều tra.",
				message("case.referrals.open-count", "1"));
	}

	@Test
	void aCaseWithNoOpenReferralClosesAsBeforeAndIsAskedNoReason() {
		readyToClose();
		TestUserAgent agent = signedIn(chairName);
		assertThat(Jsoup.parse(agent.get("/cases/" + id).body()).selectFirst("#openReferralsReason")).isNull();
		Document confirm = Jsoup.parse(agent
			.post("/cases/" + id + "/steps/CLOSE/confirm", Map.of("version", String.valueOf(version()), "text", ""))
			.body());
		assertThat(confirm.selectFirst("#open-referrals")).isNull();
		assertThat(confirm.selectFirst("#openReferralsReason")).isNull();

		var closed = agent.post("/cases/" + id + "/steps/CLOSE",
				Map.of("version", String.valueOf(version()), "text", "", "confirmed", "true"));

		assertThat(closed.status()).isEqualTo(302);
		assertThat(status()).isEqualTo("CLOSED");
		assertThat(entries("CLOSED_WITH_OPEN_REFERRALS")).isZero();
		assertThat(auditDetail()).isEqualTo("CLOSED");
	}

	@Test
	void aReasonTooLongIsRefusedAtItsField() {
		readyToCloseWithAnOpenReferral();

		var refused = signedIn(chairName).post("/cases/" + id + "/steps/CLOSE", Map.of("version",
				String.valueOf(version()), "openReferralsReason", "x".repeat(5001), "confirmed", "true"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).selectFirst("#openReferralsReason-error").text())
			.isEqualTo(message("validation.too-long"));
		assertThat(status()).isEqualTo("REVIEW");
	}

	@Test
	void aClosingWaitsForAReferralBeingSentAndThenCountsIt() throws Exception {
		readyToClose();
		int seen = version();
		// a referral counts once its sending has committed: here, a timeline entry of the
		// sending
		referrals
			.giveAsRead(id, () -> jdbc.sql("SELECT ref FROM case_entry WHERE case_id = ? AND kind = 'REFERRAL_SENT'")
				.param(id.value())
				.query((rs, n) -> new CaseReferrals.OpenReferral(rs.getString(1), POLICE.agency(), POLICE.stateKey()))
				.list());

		// the sending holds the case's row FOR SHARE until it commits
		var closing = OverlappingTransactions.whileOpen(dataSource, jdbc, sending -> {
			try (var share = sending.prepareStatement("SELECT id FROM protection_case WHERE id = ? FOR SHARE");
					var sent = sending.prepareStatement("""
							INSERT INTO case_entry (case_id, at, actor_name, kind, ref)
							VALUES (?, now(), 'test', 'REFERRAL_SENT', 'CG-2026-000124')""")) {
				share.setObject(1, id.value());
				share.executeQuery().close();
				sent.setObject(1, id.value());
				sent.executeUpdate();
			}
		}, () -> {
			try {
				workflow.close(as(chair), id, seen, null, null);
				return "closed";
			}
			catch (InvalidCaseInput refused) {
				return refused.errors().get(CaseWorkflow.OPEN_REFERRALS_REASON);
			}
		});

		assertThat(closing.waited()).as("the closing waited for the sending").isTrue();
		assertThat(closing.value()).as("and counted the referral it sent").isEqualTo("case.close.referrals-open");
		assertThat(status()).isEqualTo("REVIEW");
	}

	private String auditDetail() {
		return jdbc.sql("SELECT detail FROM audit_entry WHERE target_id = ? AND action = 'CASE_CLOSE'")
			.param(id.toString())
			.query(String.class)
			.single();
	}

}
