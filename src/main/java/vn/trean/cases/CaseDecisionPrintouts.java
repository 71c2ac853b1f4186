package vn.trean.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import org.springframework.stereotype.Component;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.printing.OfficialDocument;
import vn.trean.printing.OfficialWording;

import static vn.trean.cases.CaseFormLayout.date;
import static vn.trean.cases.CaseFormLayout.day;
import static vn.trean.cases.CaseFormLayout.orEmpty;
import static vn.trean.cases.CaseFormLayout.upper;

/**
 * Composes the chair's decisions for printing: Mẫu 05, approving the plan with its
 * measures, and the emergency decision, each in the State's wording of a decision.
 */
@Component
class CaseDecisionPrintouts {

	static final String LAW_ON_CHILDREN = "Căn cứ Luật Trẻ em ngày 05 tháng 4 năm 2016;";

	static final String DECREE_56 = "Căn cứ Nghị định số 56/2017/NĐ-CP ngày 09 tháng 5 năm 2017 của Chính phủ quy định "
			+ "chi tiết Luật Trẻ em;";

	private static final String ON_BEHALF_OF_COMMITTEE = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy");

	private final CaseFormLayout layout;

	CaseDecisionPrintouts(CaseFormLayout layout) {
		this.layout = layout;
	}

	// ---- Mẫu 05 ----

	OfficialDocument planDecision(CaseView view, StoredForm<PlanDecision> stored, StoredForm<SupportPlan> plan) {
		PlanDecision decision = stored.data();
		AdministrativeUnit unit = layout.unit(view);
		LocalDate on = decision.decidedOn() != null ? decision.decidedOn() : day(stored.recordedAt());
		OfficialDocument.Builder doc = layout.start(view, "05", on, "QUYẾT ĐỊNH")
			.documentNumber("Số: " + orEmpty(decision.decisionNumber()))
			.subtitle("Về việc phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em");
		doc.section("CHỦ TỊCH ỦY BAN NHÂN DÂN " + upper(unit.fullName()));
		doc.text(LAW_ON_CHILDREN).text(DECREE_56);
		doc.text("Xét đề nghị của cán bộ phụ trách vụ việc " + view.protectionCase().referenceCode() + ",");
		doc.section("QUYẾT ĐỊNH:");
		doc.text("Điều 1. Phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em " + layout.childNames(view) + " (vụ việc "
				+ view.protectionCase().referenceCode() + ") với các biện pháp sau:");
		if (plan != null) {
			layout.measures(doc, plan.data());
			doc.text(label("case.plan.goals") + ": " + orEmpty(plan.data().goals()));
		}
		doc.text("Điều 2. Các cơ quan, tổ chức, cá nhân có tên tại Điều 1 thực hiện các biện pháp trong thời hạn "
				+ "nêu trên; cán bộ phụ trách vụ việc theo dõi, rà soát và báo cáo kết quả.");
		doc.text("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.");
		if (decision.note() != null && !decision.note().isBlank()) {
			doc.field(label("case.decision.note"), decision.note());
		}
		return doc.signature(ON_BEHALF_OF_COMMITTEE, OfficialWording.SIGN_AND_SEAL, layout.nameOf(stored)).build();
	}

	// ---- the emergency decision ----

	OfficialDocument emergency(CaseView view, StoredForm<EmergencyDecision> stored) {
		EmergencyDecision decision = stored.data();
		AdministrativeUnit unit = layout.unit(view);
		LocalDate on = decision.decidedAt() != null ? decision.decidedAt().toLocalDate() : day(stored.recordedAt());
		OfficialDocument.Builder doc = layout.start(view, null, on, "QUYẾT ĐỊNH")
			.documentNumber("Số: ........../QĐ-UBND")
			.subtitle("Về việc áp dụng biện pháp can thiệp khẩn cấp đối với trẻ em");
		doc.section("CHỦ TỊCH ỦY BAN NHÂN DÂN " + upper(unit.fullName()));
		doc.text(LAW_ON_CHILDREN).text(DECREE_56);
		doc.text("Xét tình trạng của trẻ em trong vụ việc " + view.protectionCase().referenceCode() + ",");
		doc.section("QUYẾT ĐỊNH:");
		doc.text("Điều 1. Áp dụng biện pháp can thiệp khẩn cấp đối với trẻ em " + layout.childNames(view) + ":");
		emergencyMeasures(doc, decision);
		doc.field(label("case.emergency.decided-at"),
				decision.decidedAt() == null ? null : TIME.format(decision.decidedAt()));
		doc.text("Điều 2. " + label("case.emergency.reasons") + ": " + orEmpty(decision.reasons()));
		doc.text("Điều 3. Quyết định này có hiệu lực kể từ thời điểm ký. Cán bộ phụ trách vụ việc và các cơ quan, "
				+ "tổ chức, cá nhân liên quan chịu trách nhiệm thi hành.");
		return doc.signature(ON_BEHALF_OF_COMMITTEE, OfficialWording.SIGN_AND_SEAL, layout.nameOf(stored)).build();
	}

	/**
	 * The measures checked, and what each needs: the shelter, the carer, the separation.
	 */
	private void emergencyMeasures(OfficialDocument.Builder doc, EmergencyDecision decision) {
		doc.checklist(label("case.emergency.measures"),
				Arrays.stream(EmergencyMeasure.values())
					.map(m -> new OfficialDocument.Check(label("emergency." + m), decision.measures().contains(m)))
					.toList());
		if (decision.measures().contains(EmergencyMeasure.SAFE_SHELTER)) {
			doc.field(label("case.emergency.shelter"), decision.shelterPlace());
		}
		if (decision.measures().contains(EmergencyMeasure.ALTERNATIVE_CARER)) {
			doc.field(label("case.emergency.carer"), decision.alternativeCarer());
		}
		if (decision.separates()) {
			doc.field(label("case.emergency.separation-start"), date(decision.separationStart()));
			doc.field(label("case.emergency.separation-end"), date(decision.separationEnd()));
			if (decision.extendedUntil() != null) {
				doc.field(label("case.emergency.extended-until"), date(decision.extendedUntil()));
				doc.field(label("case.emergency.extension-authority"), decision.extensionAuthority());
			}
		}
	}

	private String label(String key) {
		return layout.label(key);
	}

}
