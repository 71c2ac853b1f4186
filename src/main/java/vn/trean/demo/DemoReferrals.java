package vn.trean.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import vn.trean.cases.CaseId;
import vn.trean.cases.CaseManagement;
import vn.trean.cases.CaseReferralFacts;
import vn.trean.cases.DemoCases;
import vn.trean.cases.CaseWorkflow;
import vn.trean.children.ChildId;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.intake.ReportId;
import vn.trean.referrals.ConsentDraft;
import vn.trean.referrals.DraftForm;
import vn.trean.referrals.ReferralAnswers;
import vn.trean.referrals.ReferralId;
import vn.trean.referrals.ReferralService;
import vn.trean.referrals.Referrals;
import vn.trean.referrals.SchoolOutcome;
import vn.trean.referrals.SharingGrounds;
import vn.trean.referrals.SharingPurpose;
import vn.trean.shared.AgencyId;
import vn.trean.shared.Time;

/**
 * The demo's referrals, so a new user finds an agency's inbox and a case's referrals
 * filled: Cái Khế's demo case taken past verification, the girl's and her mother's
 * consents, and three referrals in three states (the police's sent and waiting, the
 * health station's accepted with a progress note, the school's completed). Everything
 * goes through the services a user's request takes, in the demo's one transaction.
 */
@Component
@Profile("demo")
class DemoReferrals {

	/** The client address the demo's steps are logged from. */
	private static final String ADDRESS = "127.0.0.1";

	private final CaseManagement cases;

	private final DemoCases demoCases;

	private final CaseWorkflow workflow;

	private final CaseReferralFacts facts;

	private final SharingGrounds grounds;

	private final Referrals referrals;

	private final ReferralAnswers answers;

	private final Clock clock;

	DemoReferrals(CaseManagement cases, DemoCases demoCases, CaseWorkflow workflow, CaseReferralFacts facts,
			SharingGrounds grounds, Referrals referrals, ReferralAnswers answers, Clock clock) {
		this.cases = cases;
		this.demoCases = demoCases;
		this.workflow = workflow;
		this.facts = facts;
		this.grounds = grounds;
		this.referrals = referrals;
		this.answers = answers;
		this.clock = clock;
	}

	/** The agencies the demo refers to, and a focal point of each. */
	record Receivers(AgencyId police, AgencyId health, AgencyId school, CurrentUser healthFocal,
			CurrentUser schoolFocal) {
	}

	/**
	 * Opens the case of the report (before the case work would, after commit), confirms
	 * the harm, records the consents and sends the referrals.
	 */
	void load(CurrentUser officerUser, ReportId report, Receivers to) {
		Actor officer = Actor.of(officerUser, ADDRESS);
		CaseId id = demoCases.openFromReport(officerUser, report, ADDRESS);
		workflow.startVerification(officer, id, version(officer, id));
		workflow.confirmHarm(officer, id, version(officer, id),
				"[DEMO] Dữ liệu minh họa: đã xác minh tại nhà, có dấu hiệu xâm hại tình dục.");
		ChildId child = facts.find(id).orElseThrow().children().get(0);
		for (SharingPurpose purpose : List.of(SharingPurpose.INVESTIGATION, SharingPurpose.HEALTH_CARE,
				SharingPurpose.EDUCATION_SUPPORT)) {
			grounds.recordConsent(officer, id, consent(child, purpose), null, version(officer, id));
		}
		// each step moves a referral's version on by one from the draft's 0
		send(officer, id, form(child, to.police(), ReferralService.CRIME_INVESTIGATION,
				"[DEMO] Đề nghị tiếp nhận tin báo và điều tra; lấy lời khai thân thiện với trẻ."));
		ReferralId health = send(officer, id, form(child, to.health(), ReferralService.MEDICAL_EXAMINATION_TREATMENT,
				"[DEMO] Đề nghị khám và điều trị ban đầu cho trẻ."));
		Actor healthFocal = Actor.of(to.healthFocal(), ADDRESS);
		answers.accept(healthFocal, health, 1);
		answers.noteProgress(healthFocal, health, 2,
				new ReferralAnswers.ProgressNote("[DEMO] Đã khám ban đầu; hẹn tái khám sau ba ngày."));
		ReferralId school = send(officer, id, form(child, to.school(), ReferralService.SCHOOL_SUPPORT,
				"[DEMO] Đề nghị nhà trường hỗ trợ, bố trí chỗ ngồi an toàn và tư vấn cho trẻ."));
		Actor schoolFocal = Actor.of(to.schoolFocal(), ADDRESS);
		answers.accept(schoolFocal, school, 1);
		answers.complete(schoolFocal, school, 2,
				new ReferralAnswers.Completion(new SchoolOutcome(LocalDate.now(clock.withZone(Time.ZONE)),
						List.of(SchoolOutcome.Measure.CLASS_OR_SEAT_CHANGE, SchoolOutcome.Measure.COUNSELLING), 3, true,
						null, "[DEMO] Dữ liệu minh họa: trẻ ngồi gần bàn giáo viên, tư vấn tâm lý 3 buổi.")));
	}

	private ReferralId send(Actor officer, CaseId id, DraftForm form) {
		ReferralId referral = referrals.draft(officer, id, form);
		referrals.send(officer, referral, 0);
		return referral;
	}

	private static DraftForm form(ChildId child, AgencyId agency, ReferralService service, String support) {
		return new DraftForm(child.value(), agency.value(), Set.of(service), null, null, support, "[DEMO] Lớp 4A",
				"[DEMO] Chiều hôm qua, khoảng 17 giờ", null, null, null, "[DEMO] Mẹ: chị Trần Thị Lan", null, false);
	}

	/** The girl's and her mother's consent, given orally before the demo officer. */
	private ConsentDraft consent(ChildId child, SharingPurpose purpose) {
		LocalDateTime now = LocalDateTime.now(clock.withZone(Time.ZONE)).truncatedTo(ChronoUnit.MINUTES);
		return new ConsentDraft(child, purpose, null, null, List.of(
				new ConsentDraft.Giver(ConsentDraft.Role.CHILD, "[DEMO] Trần Thị Mai", ConsentDraft.Method.ORAL, now,
						"[DEMO] Cán bộ BVTE phường Cái Khế", "Cán bộ bảo vệ trẻ em"),
				new ConsentDraft.Giver(ConsentDraft.Role.PARENT, "[DEMO] Trần Thị Lan", ConsentDraft.Method.ORAL, now,
						"[DEMO] Cán bộ BVTE phường Cái Khế", "Cán bộ bảo vệ trẻ em")),
				false);
	}

	private int version(Actor officer, CaseId id) {
		return cases.open(officer, id, "DEMO").protectionCase().version();
	}

}
