package vn.trean.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestClock;
import vn.trean.TestUnits;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.identity.AccessRefused;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.DangerSign;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;
import vn.trean.intake.ReportDraft;
import vn.trean.intake.ReportReceipt;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The statutory workflow against PostgreSQL: cases open from reports (or take in the
 * reports of a child whose case is open), every step in order with its clocks, refusals
 * that change nothing, optimistic locking, transfer, and who may read a case.
 */
@IntegrationTest
class CaseWorkflowIntegrationTests {

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestCases testCases;

	@Autowired
	Intake intake;

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	CaseForms forms;

	@Autowired
	CaseTransfers transfers;

	@Autowired
	BreakGlassAccess breakGlass;

	@Autowired
	CaseLists lists;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	TestCommune commune;

	UnitId caiKhe;

	UnitId ninhKieu;

	CurrentUser operator;

	CurrentUser officer;

	CurrentUser chair;

	@BeforeEach
	void people() {
		caiKhe = testUnits.caiKhe();
		ninhKieu = testUnits.ninhKieu();
		operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		officer = testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, "31120"));
		chair = testCases.user(testAccounts.create(Role.COMMUNE_CHAIR, "31120"));
	}

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void anEmergencyReportOpensACaseInTheCommuneWithTheTwelveHourClockFromReceipt() {
		ReportReceipt receipt = intake.record(operator, emergencyReport("Võ Thị Hồng", null));

		CaseId id = testCases.caseOf(receipt);
		ProtectionCase c = cases.open(Actor.of(officer, "127.0.0.1"), id).protectionCase();
		assertThat(c.unit()).isEqualTo(caiKhe);
		assertThat(c.status()).isEqualTo(ProtectionCase.Status.RECEIVED);
		assertThat(c.assignedOfficer()).isNotNull();
		assertThat(c.referenceCode()).matches("VV-\\d{4}-\\d{6}");
		assertThat(testCases.deadline(id, DeadlineStep.EMERGENCY_DECISION).dueAt())
			.isEqualTo(receipt.receivedAt().plus(Duration.ofHours(12)));
		assertThat(testCases.deadline(id, DeadlineStep.VERIFICATION).running()).isTrue();
		assertThat(jdbc.sql("SELECT in_case FROM report WHERE id = ?")
			.param(receipt.id().value())
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aReportAboutAChildWithAnOpenCaseIsAddedToThatCaseInsteadOfOpeningAnother() {
		ReportReceipt first = intake.record(operator, emergencyReport("Đặng Minh Khôi", null));
		CaseId id = testCases.caseOf(first);
		String child = jdbc
			.sql("SELECT c.reference::text FROM case_child cc JOIN child c ON c.id = cc.child_id WHERE cc.case_id = ?")
			.param(id.value())
			.query(String.class)
			.single();
		long casesBefore = count("protection_case");

		ReportReceipt second = intake.record(operator, emergencyReport("Đặng Minh Khôi", child));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT count(*) FROM case_report WHERE report_id = ?")
				.param(second.id().value())
				.query(Long.class)
				.single() == 1);
		assertThat(testCases.caseOf(second)).isEqualTo(id);
		assertThat(count("protection_case")).isEqualTo(casesBefore);
		assertThat(cases.open(Actor.of(officer, "127.0.0.1"), id).reports()).containsExactly(first.id().value(),
				second.id().value());
	}

	@Test
	void aReportRoutedToAnotherCommuneOpensACaseThereInsteadOfJoiningTheChildsOpenCase() {
		ReportReceipt first = intake.record(operator, emergencyReport("Đặng Minh Tâm", null));
		CaseId inCaiKhe = testCases.caseOf(first);
		String child = jdbc
			.sql("SELECT c.reference::text FROM case_child cc JOIN child c ON c.id = cc.child_id WHERE cc.case_id = ?")
			.param(inCaiKhe.value())
			.query(String.class)
			.single();
		ReportDraft moved = emergencyReport("Đặng Minh Tâm", child);
		// she has moved: the new report happened in Ninh Kiều and goes there
		ReportDraft inNinhKieu = ReportDrafts.from(moved).withPlace(ninhKieu).build();

		ReportReceipt second = intake.record(operator, inNinhKieu);

		CaseId taken = testCases.caseOf(second);
		assertThat(taken).as("the Cái Khế case does not take a report its officers may not read")
			.isNotEqualTo(inCaiKhe);
		assertThat(cases.open(Actor.of(officer, "127.0.0.1"), inCaiKhe).reports()).containsExactly(first.id().value());
		assertThat(jdbc.sql("SELECT unit_id FROM protection_case WHERE id = ?")
			.param(taken.value())
			.query(Long.class)
			.single()).isEqualTo(ninhKieu.value());
	}

	@Test
	void aCounsellingContactOpensNoCase() {
		ReportDraft counselling = ReportDrafts.at(caiKhe)
			.withCounselling()
			.withAccount("Mẹ hỏi cách nói chuyện với con về an toàn.")
			.build();
		ReportReceipt receipt = intake.record(operator, counselling);

		// the case work has seen the report once its publication is complete
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc
				.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NOT NULL AND listener_id LIKE ? "
						+ "AND serialized_event LIKE ?")
				.param("%CaseOpening%")
				.param("%" + receipt.id().value() + "%")
				.query(Long.class)
				.single() == 1);
		assertThat(jdbc.sql("SELECT count(*) FROM case_report WHERE report_id = ?")
			.param(receipt.id().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anOfficerOpensACaseByHandFromAContactThatTurnsOutToBeHarm() {
		ReportDraft counselling = ReportDrafts.at(caiKhe)
			.withChild("Lưu Thanh Trúc", 12)
			.withCounselling()
			.withAccount("Em hỏi cách xử lý khi bị bạn bè bắt nạt; sau đó kể bị bố đánh.")
			.build();
		ReportReceipt receipt = intake.record(operator, counselling);
		CurrentUser elsewhere = testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, "31135"));

		assertThatThrownBy(() -> cases.openFromReport(elsewhere, receipt.id(), "ip")).isInstanceOf(AccessRefused.class);
		assertThatThrownBy(() -> cases.openFromReport(operator, receipt.id(), "ip")).isInstanceOf(AccessRefused.class);
		CaseId id = cases.openFromReport(officer, receipt.id(), "ip");

		ProtectionCase opened = cases.open(Actor.of(officer, "ip"), id).protectionCase();
		assertThat(opened.unit()).isEqualTo(caiKhe);
		assertThat(opened.assignedOfficer()).isEqualTo(officer.id());
		assertThat(testCases.caseOf(receipt)).isEqualTo(id);
		assertThat(cases.openFromReport(officer, receipt.id(), "ip")).isEqualTo(id);
		assertThat(
				jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'CASE_OPENED_BY_OFFICER' AND target_id = ?")
					.param(id.toString())
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void fromReportToApprovedPlanToClosureEveryStepInOrderWithItsClocks() {
		CaseId id = testCases.caseOf(intake.record(operator, emergencyReport("Lâm Bảo Ngọc", null)));

		workflow.startVerification(Actor.of(officer, "ip"), id, testCases.version(id));
		assertThat(cases.open(Actor.of(officer, "ip"), id).reports()).allSatisfy(report -> assertThat(
				jdbc.sql("SELECT status FROM report WHERE id = ?").param(report).query(String.class).single())
			.isEqualTo("IN_HANDLING"));
		workflow.confirmHarm(Actor.of(officer, "ip"), id, testCases.version(id),
				"Xác minh tại nhà: có dấu hiệu bị xâm hại.");
		assertThat(testCases.deadline(id, DeadlineStep.VERIFICATION).metAt()).isNotNull();

		forms.recordInitialAssessment(Actor.of(officer, "ip"), id, testCases.version(id), initialAssessment());
		Instant assessed = testCases.deadline(id, DeadlineStep.PLAN).startedAt();
		assertThat(testCases.deadline(id, DeadlineStep.PLAN).dueAt())
			.isEqualTo(cases.deadlineRules().due(DeadlineStep.PLAN, assessed));

		forms.recordEmergencyDecision(Actor.of(chair, "ip"), id, testCases.version(id), commune.emergencyDecision());
		assertThat(testCases.deadline(id, DeadlineStep.EMERGENCY_DECISION).metAt()).isNotNull();

		forms.recordNeedsAssessment(Actor.of(officer, "ip"), id, testCases.version(id), needsAssessment());
		forms.draftPlan(Actor.of(officer, "ip"), id, testCases.version(id), ProtectionCaseTests.plan());
		workflow.submitPlan(Actor.of(officer, "ip"), id, testCases.version(id));
		assertThat(testCases.deadline(id, DeadlineStep.PLAN).metAt()).isNotNull();
		assertThat(testCases.deadline(id, DeadlineStep.APPROVAL).running()).isTrue();

		forms.decideOnPlan(Actor.of(chair, "ip"), id, testCases.version(id),
				new PlanDecision(true, "45/QĐ-UBND", today(), null));
		CaseView view = cases.open(Actor.of(chair, "ip"), id);
		assertThat(view.protectionCase().status()).isEqualTo(ProtectionCase.Status.IN_IMPLEMENTATION);
		assertThat(testCases.deadline(id, DeadlineStep.REVIEW).running()).isTrue();
		assertThat(view.forms().plan().data().measures()).hasSize(1);
		assertThat(view.forms().planDecision().data().decisionNumber()).isEqualTo("45/QĐ-UBND");

		workflow.startReview(Actor.of(officer, "ip"), id, testCases.version(id));
		forms.recordClosingAssessment(Actor.of(officer, "ip"), id, testCases.version(id),
				new ClosingAssessment(Rating.LOW, Rating.LOW, Rating.LOW, Rating.HIGH, "Trẻ an toàn, ổn định."));
		workflow.close(Actor.of(chair, "ip"), id, testCases.version(id), null);

		ProtectionCase closed = cases.open(Actor.of(chair, "ip"), id).protectionCase();
		assertThat(closed.status()).isEqualTo(ProtectionCase.Status.CLOSED);
		assertThat(closed.closedAt()).isNotNull();
		assertThat(cases.open(Actor.of(chair, "ip"), id).deadlines()).allMatch(d -> !d.running());
		assertThat(timelineKinds(id)).contains("OPENED", "VERIFICATION_STARTED", "HARM_CONFIRMED", "FORM_SAVED",
				"EMERGENCY_DECISION", "PLAN_SUBMITTED", "PLAN_APPROVED", "REVIEW_STARTED", "CLOSED");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE target_id = ? AND action = 'CASE_APPROVE_PLAN'")
			.param(id.toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aStepOutOfOrderIsRefusedAndChangesNothing() {
		CaseId id = testCases.caseOf(intake.record(operator, emergencyReport("Huỳnh Gia Hân", null)));
		int version = testCases.version(id);
		long entries = entries(id);

		assertThatThrownBy(() -> forms.decideOnPlan(Actor.of(chair, "ip"), id, version,
				new PlanDecision(true, "1/QĐ", today(), null)))
			.isInstanceOf(CaseRuleBroken.class);
		assertThatThrownBy(() -> workflow.close(Actor.of(chair, "ip"), id, version, "Không cần"))
			.isInstanceOf(CaseRuleBroken.class);
		assertThatThrownBy(
				() -> forms.recordEmergencyDecision(Actor.of(chair, "ip"), id, version, commune.emergencyDecision()))
			.isInstanceOf(CaseRuleBroken.class);

		assertThat(testCases.version(id)).isEqualTo(version);
		assertThat(entries(id)).isEqualTo(entries);
		assertThat(testCases.deadline(id, DeadlineStep.EMERGENCY_DECISION).running()).isTrue();
	}

	@Test
	void anOfficerMayNotApproveAndAChairMayNotDraftThePlan() {
		CaseId id = inPlanning("Mai Anh Thư");

		assertThatThrownBy(
				() -> forms.draftPlan(Actor.of(chair, "ip"), id, testCases.version(id), ProtectionCaseTests.plan()))
			.isInstanceOf(AccessRefused.class);
		forms.draftPlan(Actor.of(officer, "ip"), id, testCases.version(id), ProtectionCaseTests.plan());
		workflow.submitPlan(Actor.of(officer, "ip"), id, testCases.version(id));
		assertThatThrownBy(() -> forms.decideOnPlan(Actor.of(officer, "ip"), id, testCases.version(id),
				new PlanDecision(true, "1/QĐ", today(), null)))
			.isInstanceOf(AccessRefused.class);
	}

	@Test
	void aSeparationBeyondFifteenDaysWithoutAnExtensionIsRefusedAndNothingSaved() {
		CaseId id = inPlanning("Tô Ngọc Hà");
		LocalDate start = today();
		EmergencyDecision tooLong = new EmergencyDecision(now(), List.of(EmergencyMeasure.TEMPORARY_SEPARATION), null,
				null, start, start.plusDays(20), null, null, "Cha bạo hành nghiêm trọng");
		int version = testCases.version(id);

		assertThatThrownBy(() -> forms.recordEmergencyDecision(Actor.of(chair, "ip"), id, version, tooLong))
			.isInstanceOf(InvalidCaseInput.class)
			.satisfies(e -> assertThat(((InvalidCaseInput) e).errors().get("separationEnd"))
				.isEqualTo("case.separation.too-long"));
		assertThat(testCases.version(id)).isEqualTo(version);
		assertThat(forms(id, CaseForm.EMERGENCY_DECISION)).isZero();

		EmergencyDecision extended = new EmergencyDecision(now(), List.of(EmergencyMeasure.TEMPORARY_SEPARATION), null,
				null, start, start.plusDays(20), start.plusDays(20), "Tòa án nhân dân thành phố Cần Thơ",
				"Cha bạo hành nghiêm trọng");
		forms.recordEmergencyDecision(Actor.of(chair, "ip"), id, version, extended);
		assertThat(testCases.deadline(id, DeadlineStep.SEPARATION_END).dueAt())
			.isEqualTo(start.plusDays(21).atStartOfDay(Time.ZONE).toInstant());
	}

	@Test
	void datesInTheFutureForThingsThatHappenedAreRefused() {
		CaseId id = inPlanning("Lý Thanh Tâm");
		NeedsAssessment future = new NeedsAssessment("Khỏe", "Lo âu", "Bố mẹ ly hôn", Rating.MEDIUM, "Tư vấn",
				today().plusDays(3), "Cán bộ, mẹ", "Biên bản");

		assertThatThrownBy(
				() -> forms.recordNeedsAssessment(Actor.of(officer, "ip"), id, testCases.version(id), future))
			.isInstanceOf(InvalidCaseInput.class)
			.satisfies(e -> assertThat(((InvalidCaseInput) e).errors().get("meetingDate"))
				.isEqualTo("validation.date-future"));
		assertThatThrownBy(() -> workflow.recordService(Actor.of(officer, "ip"), id, testCases.version(id),
				new CaseWorkflow.ServiceDelivered(SupportMeasure.MEDICAL_CARE, null, today().plusDays(1), "Khám")))
			.isInstanceOf(InvalidCaseInput.class);
	}

	@Test
	void theSecondOfTwoConcurrentEditsIsRefusedAndOverwritesNothing() {
		CaseId id = inPlanning("Quách Bảo Trâm");
		int seenByBoth = testCases.version(id);
		workflow.addNote(Actor.of(officer, "ip"), id, seenByBoth,
				new CaseWorkflow.Note("Đã gọi cho mẹ.", NoteVisibility.CASE_TEAM));
		long entries = entries(id);

		assertThatThrownBy(() -> forms.draftPlan(Actor.of(officer, "ip"), id, seenByBoth, ProtectionCaseTests.plan()))
			.isInstanceOf(CaseEditedConcurrently.class);
		assertThat(entries(id)).isEqualTo(entries);
		assertThat(forms(id, CaseForm.SUPPORT_PLAN)).isZero();
	}

	@Test
	void aNoteRestrictedToTheAssignedOfficerAndChairIsHiddenFromTheProvince() {
		CaseId id = inPlanning("Kiều Anh Đào");
		CurrentUser province = testCases.user(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		workflow.assign(Actor.of(chair, "ip"), id, testCases.version(id), new CaseWorkflow.Assignment(officer.id()));
		workflow.addNote(Actor.of(officer, "ip"), id, testCases.version(id),
				new CaseWorkflow.Note("Trẻ kể thêm chi tiết riêng tư.", NoteVisibility.RESTRICTED));

		assertThat(cases.open(Actor.of(chair, "ip"), id).timeline()).anyMatch(e -> e.kind().equals("NOTE"));
		assertThat(cases.open(Actor.of(province, "ip"), id).timeline()).noneMatch(e -> e.kind().equals("NOTE"));
	}

	@Test
	void anotherCommunesOfficerCannotReadTheCaseButTheProvinceCanAndEveryReadingIsLogged() {
		CaseId id = testCases.caseOf(intake.record(operator, emergencyReport("Trương Mỹ Linh", null)));
		CurrentUser elsewhere = testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, "31135"));
		CurrentUser province = testCases.user(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		long reads = accessEntries(id);

		assertThatThrownBy(() -> cases.open(Actor.of(elsewhere, "ip"), id)).isInstanceOf(AccessRefused.class);
		assertThatThrownBy(() -> workflow.startVerification(Actor.of(elsewhere, "ip"), id, testCases.version(id)))
			.isInstanceOf(AccessRefused.class);
		cases.open(Actor.of(province, "ip"), id);
		cases.open(Actor.of(officer, "ip"), id);

		assertThat(accessEntries(id)).isEqualTo(reads + 2);
		assertThat(allPages(page -> lists.inJurisdiction(Actor.of(elsewhere, "ip"), page)))
			.noneMatch(s -> s.id().equals(id));
		assertThat(allPages(page -> lists.inJurisdiction(Actor.of(province, "ip"), page)))
			.anyMatch(s -> s.id().equals(id));
	}

	@Test
	void aProvincialManagerOutsideTheScopeReadsOnlyThroughAnExpiringBreakGlass() {
		CaseId id = testCases.caseOf(intake.record(operator, emergencyReport("Phùng Khánh Vy", null)));
		CurrentUser hanoi = testCases.user(testAccounts.create(Role.PROVINCIAL_MANAGER, "01"));

		assertThatThrownBy(() -> cases.open(Actor.of(hanoi, "ip"), id)).isInstanceOf(AccessRefused.class)
			.satisfies(e -> assertThat(((AccessRefused) e).reasonKey()).isEqualTo("case.break-glass.needed"));
		assertThatThrownBy(() -> breakGlass.open(Actor.of(hanoi, "ip"), id, new BreakGlassAccess.Request("vì")))
			.isInstanceOf(InvalidCaseInput.class);

		breakGlass.open(Actor.of(hanoi, "ip"), id,
				new BreakGlassAccess.Request("Trẻ đang ở Hà Nội, cần phối hợp khẩn cấp"));
		assertThat(cases.open(Actor.of(hanoi, "ip"), id).breakGlass()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE target_id = ? AND action = 'BREAK_GLASS'")
			.param(id.toString())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE target_id = ? AND detail = 'BREAK_GLASS'")
			.param(id.toString())
			.query(Long.class)
			.single()).isEqualTo(1);

		clock.travelBy(Duration.ofMinutes(61));
		assertThatThrownBy(() -> cases.open(Actor.of(hanoi, "ip"), id)).isInstanceOf(AccessRefused.class);
		CurrentUser otherOfficer = testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, "01"));
		assertThatThrownBy(() -> breakGlass.open(Actor.of(otherOfficer, "ip"), id,
				new BreakGlassAccess.Request("Tôi muốn xem vụ việc này")))
			.isInstanceOf(AccessRefused.class);
	}

	@Test
	void aTransferredCaseIsReadableByBothCommunesDuringTheHandOverThenBelongsToTheNewOne() {
		CaseId id = inPlanning("Ninh Hoàng Yến");
		CurrentUser newOfficer = testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, "31135"));

		transfers.request(Actor.of(officer, "ip"), id, testCases.version(id),
				new CaseTransfers.Request(ninhKieu.value(), "Gia đình chuyển về Ninh Kiều"));
		assertThat(cases.open(Actor.of(newOfficer, "ip"), id).protectionCase().status())
			.isEqualTo(ProtectionCase.Status.TRANSFERRING);
		assertThat(cases.open(Actor.of(officer, "ip"), id).protectionCase().transferTo()).isEqualTo(ninhKieu);
		assertThatThrownBy(() -> transfers.accept(Actor.of(officer, "ip"), id, testCases.version(id)))
			.isInstanceOf(AccessRefused.class);

		transfers.accept(Actor.of(newOfficer, "ip"), id, testCases.version(id));
		ProtectionCase moved = cases.open(Actor.of(newOfficer, "ip"), id).protectionCase();
		assertThat(moved.unit()).isEqualTo(ninhKieu);
		assertThat(moved.status()).isEqualTo(ProtectionCase.Status.PLANNING);
		assertThat(moved.assignedOfficer()).isEqualTo(newOfficer.id());
		assertThatThrownBy(() -> cases.open(Actor.of(officer, "ip"), id)).isInstanceOf(AccessRefused.class);
	}

	// ---- helpers ----

	/** Every page of a paged list, however many rows other tests left. */
	static <T> List<T> allPages(java.util.function.IntFunction<vn.trean.shared.Page<T>> page) {
		List<T> all = new java.util.ArrayList<>();
		for (int n = 0; n < 1000; n++) {
			vn.trean.shared.Page<T> rows = page.apply(n);
			all.addAll(rows.items());
			if (!rows.hasNext()) {
				break;
			}
		}
		return all;
	}

	private CaseId inPlanning(String name) {
		CaseId id = testCases.caseOf(intake.record(operator, emergencyReport(name, null)));
		workflow.startVerification(Actor.of(officer, "ip"), id, testCases.version(id));
		workflow.confirmHarm(Actor.of(officer, "ip"), id, testCases.version(id), "Có dấu hiệu bạo lực.");
		forms.recordInitialAssessment(Actor.of(officer, "ip"), id, testCases.version(id), initialAssessment());
		forms.recordNeedsAssessment(Actor.of(officer, "ip"), id, testCases.version(id), needsAssessment());
		return id;
	}

	static InitialAssessment initialAssessment() {
		return initialAssessment(true);
	}

	/** Every risk rated high; emergency measures recommended or not. */
	static InitialAssessment initialAssessment(boolean emergencyRecommended) {
		return new InitialAssessment(java.util.Arrays.stream(RiskItem.values())
			.map(i -> new InitialAssessment.RatedItem(i, Rating.HIGH, "Đánh giá"))
			.toList(), "Nguy cơ cao, cần can thiệp khẩn cấp.", emergencyRecommended);
	}

	NeedsAssessment needsAssessment() {
		return new NeedsAssessment("Có vết bầm", "Sợ hãi", "Sống với bố dượng", Rating.LOW, "An toàn, trị liệu",
				today(), "Cán bộ, mẹ, giáo viên", "Biên bản họp ngày hôm nay");
	}

	ReportDraft emergencyReport(String childName, String linkTo) {
		return ReportDrafts.at(caiKhe)
			.withChild(childName, 9, linkTo)
			.withHarm(HarmForm.SEXUAL_MOLESTATION)
			.withPerpetratorAccess()
			.withAccount("Hàng xóm nghe thấy trẻ kêu cứu.")
			.withDangerSigns(DangerSign.SEXUAL_ABUSE_WITHIN_72_HOURS)
			.build();
	}

	long entries(CaseId id) {
		return jdbc.sql("SELECT count(*) FROM case_entry WHERE case_id = ?")
			.param(id.value())
			.query(Long.class)
			.single();
	}

	long forms(CaseId id, CaseForm form) {
		return jdbc.sql("SELECT count(*) FROM case_form WHERE case_id = ? AND form = ?")
			.param(id.value())
			.param(form.name())
			.query(Long.class)
			.single();
	}

	long accessEntries(CaseId id) {
		return jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE action = 'RECORD_VIEWED' AND target_type = 'CASE' "
					+ "AND target_id = ?")
			.param(id.toString())
			.query(Long.class)
			.single();
	}

	List<String> timelineKinds(CaseId id) {
		return jdbc.sql("SELECT kind FROM case_entry WHERE case_id = ? ORDER BY id")
			.param(id.value())
			.query(String.class)
			.list();
	}

	long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Time.ZONE));
	}

	LocalDateTime now() {
		return LocalDateTime.now(clock.withZone(Time.ZONE)).truncatedTo(ChronoUnit.MINUTES);
	}

}
