package vn.trean.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.trean.cases.CaseFacts;
import vn.trean.cases.CaseId;
import vn.trean.cases.ProtectionCase;
import vn.trean.children.ChildId;
import vn.trean.geography.UnitId;

import static org.assertj.core.api.Assertions.assertThat;

class CaseRowsTests {

	private static final Instant REPORTED = Instant.parse("2025-03-10T02:00:00Z");

	private static final CaseFacts.Child GIRL = new CaseFacts.Child(new ChildId(7), "FEMALE", LocalDate.of(2015, 3, 11),
			null, null);

	@Test
	void aCaseWhoseLatestVerdictConfirmedTheHarmCountsItsChildrenOncePerFormOfHarm() {
		CaseRows rows = CaseRows
			.of(facts(List.of(entry("NOT_SUBSTANTIATED", 1), entry("REOPENED", 2), entry("HARM_CONFIRMED", 3)),
					Set.of("VIOLENCE", "SEXUAL_MOLESTATION"), null));

		assertThat(rows.row().harmConfirmedAt()).isEqualTo(REPORTED.plusSeconds(3 * 3600));
		assertThat(rows.abused()).extracting(CaseRows.AbusedChild::harmForm)
			.containsExactlyInAnyOrder("VIOLENCE", "SEXUAL_MOLESTATION");
		// born 11 March 2015, harmed on 10 March 2025 (Vietnamese time): still nine
		assertThat(rows.abused()).allSatisfy(a -> {
			assertThat(a.age()).isEqualTo(9);
			assertThat(a.harmOn()).isEqualTo(LocalDate.of(2025, 3, 10));
			assertThat(a.setting()).isEqualTo("SCHOOL");
		});
		assertThat(rows.circumstances()).extracting(CaseRows.Circumstance::group)
			.containsExactlyInAnyOrder("SERIOUSLY_HARMED_BY_VIOLENCE", "SEXUALLY_ABUSED");
	}

	@Test
	void aCaseFoundNotSubstantiatedAfterTheHarmWasConfirmedCountsNoAbusedChild() {
		CaseRows rows = CaseRows
			.of(facts(List.of(entry("HARM_CONFIRMED", 1), entry("NOT_SUBSTANTIATED", 2)), Set.of("VIOLENCE"), null));

		assertThat(rows.row().harmConfirmedAt()).isNull();
		assertThat(rows.abused()).isEmpty();
		assertThat(rows.circumstances()).isEmpty();
		assertThat(rows.closures()).singleElement().satisfies(c -> {
			assertThat(c.substantiated()).isFalse();
			assertThat(c.reopenedAt()).isNull();
		});
	}

	@Test
	void eachClosingIsPairedWithTheReopeningThatFollowedIt() {
		CaseRows rows = CaseRows.of(facts(List.of(entry("HARM_CONFIRMED", 1), entry("CLOSED", 5), entry("REOPENED", 9),
				entry("CLOSED_BY_OVERRIDE", 12)), Set.of("NEGLECT"), REPORTED.plusSeconds(12 * 3600)));

		assertThat(rows.closures()).extracting(CaseRows.Closure::reopenedAt)
			.containsExactly(REPORTED.plusSeconds(9 * 3600), null);
		assertThat(rows.circumstances()).isEmpty();
	}

	@Test
	void aReportNamingNoFormOfHarmCountsAsOtherHarmAndAnUnknownSetting() {
		CaseFacts facts = new CaseFacts(new CaseId(UUID.randomUUID()), new UnitId(1), null,
				ProtectionCase.Status.INITIAL_ASSESSMENT, "NORMAL", REPORTED, REPORTED, null, false,
				List.of(entry("HARM_CONFIRMED", 1)), List.of(),
				List.of(new CaseFacts.Child(new ChildId(8), "MALE", null, 2016, null),
						new CaseFacts.Child(new ChildId(9), "UNKNOWN", null, null, 12)),
				List.of(new CaseFacts.Report(REPORTED, Set.of(), null)), List.of());

		CaseRows rows = CaseRows.of(facts);

		assertThat(rows.abused())
			.extracting(CaseRows.AbusedChild::harmForm, CaseRows.AbusedChild::setting, CaseRows.AbusedChild::age)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("OTHER_HARM", "UNKNOWN", 9),
					org.assertj.core.groups.Tuple.tuple("OTHER_HARM", "UNKNOWN", 12));
	}

	@Test
	void servicesAndTheEmergencyDecisionAreSupportEveryChildOfTheCaseReceived() {
		CaseFacts base = facts(List.of(entry("HARM_CONFIRMED", 1), entry("EMERGENCY_DECISION", 4)), Set.of("VIOLENCE"),
				null);
		CaseFacts facts = new CaseFacts(base.id(), base.unit(), base.officer(), base.status(), base.urgency(),
				base.receivedAt(), base.openedAt(), null, false, base.entries(), base.deadlines(), base.children(),
				base.reports(), List.of(new CaseFacts.Service(41, "MEDICAL_CARE", LocalDate.of(2025, 3, 12))));

		CaseRows rows = CaseRows.of(facts);

		assertThat(rows.supports()).extracting(CaseRows.Support::kind, CaseRows.Support::startedOn)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("MEDICAL_CARE", LocalDate.of(2025, 3, 12)),
					org.assertj.core.groups.Tuple.tuple(CaseRows.EMERGENCY_SUPPORT, LocalDate.of(2025, 3, 10)));
		assertThat(rows.row().emergencyAt()).isEqualTo(REPORTED.plusSeconds(4 * 3600));
	}

	private static CaseFacts facts(List<CaseFacts.Entry> entries, Set<String> forms, Instant closedAt) {
		return new CaseFacts(new CaseId(UUID.randomUUID()), new UnitId(1), 5L,
				closedAt == null ? ProtectionCase.Status.INITIAL_ASSESSMENT : ProtectionCase.Status.CLOSED, "NORMAL",
				REPORTED, REPORTED.plusSeconds(60), closedAt, false, entries, List.of(), List.of(GIRL),
				List.of(new CaseFacts.Report(REPORTED, forms, "SCHOOL"),
						new CaseFacts.Report(REPORTED.plusSeconds(7200), Set.of(), "FAMILY")),
				List.of());
	}

	private static CaseFacts.Entry entry(String kind, int hoursAfterReport) {
		return new CaseFacts.Entry(kind, null, REPORTED.plusSeconds(hoursAfterReport * 3600L));
	}

}
