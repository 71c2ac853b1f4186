package vn.trean.children;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.cases.TestCases;
import vn.trean.cases.TestCommune;
import vn.trean.identity.Actor;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.intake.ReportDraft;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the statistics read of children's special circumstances: the current version of
 * every entry and support of a batch of children, the children that have any in id order,
 * and the event each write publishes; and a child reached through the commune of her
 * case.
 */
@IntegrationTest
@RecordApplicationEvents
class SpecialCircumstancesFactsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplicationEvents events;

	@Autowired
	CircumstanceRecords records;

	@Autowired
	SpecialCircumstances circumstances;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCases cases;

	@Autowired
	TestCommune commune;

	@Autowired
	TestUnits units;

	CircumstancesFixture fixture;

	Actor officer;

	@BeforeEach
	void fixture() {
		fixture = new CircumstancesFixture(port, context);
		officer = Actor.of(cases.user(commune.officer()), "198.18.9.9");
	}

	private static EntryTerms entry(SpecialCircumstance group, LocalDate start, LocalDate end) {
		return new EntryTerms(group, start, end, null);
	}

	@Test
	void factsOfABatchAreTheCurrentVersionsOfEveryEntryAndSupportEndedOnesIncluded() {
		Child corrected = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2014, 1, 1));
		Child ended = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2013, 1, 1));
		Child without = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2012, 1, 1));
		LocalDate start = fixture.today().minusYears(1);
		long first = records.record(officer, corrected.reference(), entry(SpecialCircumstance.EXPLOITED, start, null),
				false);
		records.correct(officer, corrected.reference(), first, 1,
				entry(SpecialCircumstance.TRAFFICKED, start.plusDays(3), null), null, "Sai nhóm");
		long support = records.recordSupport(officer, corrected.reference(),
				new SupportTerms(SupportKind.SAFE_SHELTER, start, null, null, "Nhà tạm lánh"), false);
		long closed = records.record(officer, ended.reference(), entry(SpecialCircumstance.DISABILITY, start, null),
				false);
		records.end(officer, ended.reference(), closed, 1, fixture.today(), null);

		List<CircumstanceFacts> facts = circumstances.factsOf(List.of(corrected.id(), ended.id(), without.id()));

		assertThat(facts).extracting(CircumstanceFacts::child)
			.containsExactly(corrected.id(), ended.id(), without.id());
		assertThat(facts.get(0).groups()).containsExactly(new CircumstanceFacts.GroupSpan(first,
				SpecialCircumstance.TRAFFICKED, units.caiKhe(), start.plusDays(3), null));
		assertThat(facts.get(0).supports()).containsExactly(new CircumstanceFacts.SupportSpan(support,
				SupportKind.SAFE_SHELTER, units.caiKhe(), start, null, null));
		assertThat(facts.get(1).groups()).singleElement()
			.satisfies(g -> assertThat(g.endedOn()).isEqualTo(fixture.today()));
		assertThat(facts.get(2).groups()).isEmpty();
		assertThat(facts.get(2).supports()).isEmpty();
		assertThat(events.stream(SpecialCircumstancesChanged.class).map(SpecialCircumstancesChanged::child))
			.as("one event per write, naming the child")
			.containsExactly(corrected.id(), corrected.id(), corrected.id(), ended.id(), ended.id());
	}

	@Test
	void theChangeEventSurvivesBeingPersistedForAListenerInAnotherModule() {
		var serializer = context.getBean(org.springframework.modulith.events.core.EventSerializer.class);
		SpecialCircumstancesChanged event = new SpecialCircumstancesChanged(new ChildId(42),
				java.time.Instant.parse("2026-12-07T01:02:03.456789Z"));

		assertThat(serializer.deserialize(serializer.serialize(event), SpecialCircumstancesChanged.class))
			.isEqualTo(event);
	}

	@Test
	void childrenWithEntriesAreListedInIdOrderFromAfterTheOneGiven() {
		Child one = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2014, 1, 1));
		Child none = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2014, 1, 1));
		Child two = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2014, 1, 1));
		LocalDate start = fixture.today().minusDays(5);
		records.record(officer, one.reference(), entry(SpecialCircumstance.HIV_AIDS, start, null), false);
		records.recordSupport(officer, two.reference(),
				new SupportTerms(SupportKind.EDUCATION, start, null, null, null), false);

		List<ChildId> fromStart = circumstances.childrenWithEntries(null, 100_000);
		List<ChildId> afterOne = circumstances.childrenWithEntries(one.id(), 1);

		assertThat(fromStart).contains(one.id(), two.id()).doesNotContain(none.id());
		assertThat(fromStart).extracting(ChildId::value).isSorted();
		assertThat(fromStart).doesNotHaveDuplicates();
		assertThat(afterOne).containsExactly(two.id());
	}

	@Test
	void aChildLivingElsewhereIsReachedThroughTheCommuneOfHerCase() {
		String name = "Phan Thị Mận " + System.nanoTime() % 10000;
		var caseId = commune.reported(ReportDrafts.at(units.caiKhe())
			.withChild(new ReportDraft.ChildEntry(name, Sex.FEMALE, null, 9, null, units.ninhKieu().value(), null, null,
					null, null))
			.withHarm(HarmForm.SEXUAL_MOLESTATION)
			.withAccount("Trẻ bị sàm sỡ trên đường đi học.")
			.build());
		ChildId id = new ChildId(fixture.count("SELECT child_id FROM case_child WHERE case_id = ?", caseId.value()));
		Child mận = context.getBean(ChildRegistry.class).find(id).orElseThrow();
		Actor elsewhere = Actor.of(cases.user(accounts.create(Role.COMMUNE_OFFICER, "31147")), "198.18.9.9");

		long recorded = records.record(officer, mận.reference(),
				entry(SpecialCircumstance.SEXUALLY_ABUSED, fixture.today(), null), false);

		assertThat(circumstances.factsOf(List.of(id)).get(0).groups()).singleElement()
			.satisfies(g -> assertThat(g.unit()).as("recorded for the commune of her case").isEqualTo(units.caiKhe()));
		assertThat(recorded).isPositive();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> records.record(elsewhere, mận.reference(),
					entry(SpecialCircumstance.DISABILITY, fixture.today(), null), false))
			.isInstanceOf(UnknownChild.class);
	}

}
