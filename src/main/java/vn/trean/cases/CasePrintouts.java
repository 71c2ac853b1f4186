package vn.trean.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.trean.printing.OfficialDocument;
import vn.trean.printing.OfficialWording;

import static vn.trean.cases.CaseFormLayout.date;
import static vn.trean.cases.CaseFormLayout.day;
import static vn.trean.cases.CaseFormLayout.orEmpty;
import static vn.trean.cases.CaseFormLayout.ratingColumns;
import static vn.trean.cases.CaseFormLayout.upper;

/**
 * Composes the official forms of a case for printing from what the user was allowed to
 * read ({@link CaseView}): Mẫu 02, 03, 04 and 06 from the latest stored version, Mẫu 05
 * from the chair's approving decision with the plan's measures, and the emergency
 * decision ({@link CaseDecisionPrintouts}), on the shared layout of
 * {@link CaseFormLayout}. Labels and enum values come from the Vietnamese bundle, the
 * State's wording from constants and {@link OfficialWording}.
 */
@Component
class CasePrintouts {

	/** The forms a case prints, by the name in the address. */
	enum Printout {

		INITIAL_ASSESSMENT("02"), NEEDS_ASSESSMENT("03"), SUPPORT_PLAN("04"), PLAN_DECISION("05"),
		CLOSING_ASSESSMENT("06"), EMERGENCY_DECISION("emergency");

		private final String path;

		Printout(String path) {
			this.path = path;
		}

		String path() {
			return path;
		}

		static Optional<Printout> byPath(String path) {
			return Arrays.stream(values()).filter(p -> p.path.equals(path)).findFirst();
		}

		/**
		 * The file name: VV-2026-000012-mau-02.pdf,
		 * VV-2026-000012-quyet-dinh-khan-cap.pdf.
		 */
		String fileName(String referenceCode) {
			return referenceCode + (this == EMERGENCY_DECISION ? "-quyet-dinh-khan-cap" : "-mau-" + path) + ".pdf";
		}

	}

	private final CaseFormLayout layout;

	private final CaseDecisionPrintouts decisions;

	CasePrintouts(CaseFormLayout layout, CaseDecisionPrintouts decisions) {
		this.layout = layout;
		this.decisions = decisions;
	}

	/** The form composed for printing, or empty when the case has none to print yet. */
	Optional<OfficialDocument> compose(CaseView view, Printout printout) {
		CaseView.Forms forms = view.forms();
		return switch (printout) {
			case INITIAL_ASSESSMENT -> Optional.ofNullable(forms.initialAssessment()).map(f -> initial(view, f));
			case NEEDS_ASSESSMENT -> Optional.ofNullable(forms.needsAssessment()).map(f -> needs(view, f));
			case SUPPORT_PLAN -> Optional.ofNullable(forms.plan()).map(f -> plan(view, f));
			case PLAN_DECISION -> Optional.ofNullable(forms.planDecision())
				.filter(f -> f.data().approved())
				.map(f -> decisions.planDecision(view, f, forms.plan()));
			case CLOSING_ASSESSMENT -> Optional.ofNullable(forms.closing()).map(f -> closing(view, f));
			case EMERGENCY_DECISION ->
				Optional.ofNullable(forms.emergencyDecision()).map(f -> decisions.emergency(view, f));
		};
	}

	// ---- Mẫu 02 ----

	private OfficialDocument initial(CaseView view, StoredForm<InitialAssessment> stored) {
		InitialAssessment form = stored.data();
		OfficialDocument.Builder doc = layout.start(view, "02", day(stored.recordedAt()),
				"PHIẾU ĐÁNH GIÁ NGUY CƠ BAN ĐẦU");
		layout.childSection(doc, view, "I. THÔNG TIN VỀ TRẺ EM");
		doc.section("II. ĐÁNH GIÁ NGUY CƠ, MỨC ĐỘ TỔN HẠI");
		List<List<String>> rows = new ArrayList<>();
		int n = 1;
		for (InitialAssessment.RatedItem item : form.items()) {
			List<String> row = new ArrayList<>();
			row.add(String.valueOf(n++));
			row.add(item.item() == null ? "" : label("risk." + item.item()));
			row.addAll(ratingColumns(item.rating()));
			row.add(orEmpty(item.description()));
			rows.add(row);
		}
		List<String> header = new ArrayList<>(List.of("STT", "Nội dung đánh giá"));
		header.addAll(layout.ratingHeader());
		header.add(label("case.description"));
		doc.table(header, rows, List.of(3, 10, 3, 4, 3, 9));
		doc.section("III. " + upper(label("case.summary"))).text(form.summary());
		doc.field(label("case.emergency-recommended"),
				label(Boolean.TRUE.equals(form.emergencyRecommended()) ? "form.yes" : "form.no"));
		return layout.preparedAndChair(doc, stored).build();
	}

	// ---- Mẫu 03 ----

	private OfficialDocument needs(CaseView view, StoredForm<NeedsAssessment> stored) {
		NeedsAssessment form = stored.data();
		OfficialDocument.Builder doc = layout.start(view, "03", day(stored.recordedAt()),
				"PHIẾU ĐÁNH GIÁ NGUY CƠ CỤ THỂ VÀ XÁC ĐỊNH NHU CẦU CỦA TRẺ EM");
		layout.childSection(doc, view, "I. THÔNG TIN VỀ TRẺ EM");
		doc.section("II. TÌNH TRẠNG CỦA TRẺ EM");
		doc.section("1. " + label("case.needs.physicalState")).text(form.physicalState());
		doc.section("2. " + label("case.needs.psychologicalState")).text(form.psychologicalState());
		doc.section("III. " + upper(label("case.needs.familySituation"))).text(form.familySituation());
		doc.field(label("case.needs.carersAbilityToProtect"), layout.rating(form.carersAbilityToProtect()));
		doc.section("IV. " + upper(label("case.needs.needs"))).text(form.needs());
		doc.section("V. HỌP XÁC ĐỊNH NHU CẦU");
		doc.field(label("case.needs.meetingDate"), date(form.meetingDate()));
		doc.field(label("case.needs.meetingParticipants"), form.meetingParticipants());
		doc.section(label("case.needs.meetingMinutes")).text(form.meetingMinutes());
		return layout.preparedAndChair(doc, stored).build();
	}

	// ---- Mẫu 04 ----

	private OfficialDocument plan(CaseView view, StoredForm<SupportPlan> stored) {
		SupportPlan form = stored.data();
		OfficialDocument.Builder doc = layout.start(view, "04", day(stored.recordedAt()), "KẾ HOẠCH HỖ TRỢ, CAN THIỆP");
		layout.childSection(doc, view, "I. THÔNG TIN VỀ TRẺ EM");
		doc.section("II. " + upper(label("case.plan.goals"))).text(form.goals());
		doc.section("III. CÁC BIỆN PHÁP HỖ TRỢ, CAN THIỆP");
		layout.measures(doc, form);
		if (form.resources() != null && !form.resources().isBlank()) {
			doc.section("IV. " + upper(label("case.plan.resources"))).text(form.resources());
		}
		return layout.preparedAndChair(doc, stored).build();
	}

	// ---- Mẫu 06 ----

	private OfficialDocument closing(CaseView view, StoredForm<ClosingAssessment> stored) {
		ClosingAssessment form = stored.data();
		OfficialDocument.Builder doc = layout.start(view, "06", day(stored.recordedAt()),
				"PHIẾU RÀ SOÁT, ĐÁNH GIÁ KẾT QUẢ HỖ TRỢ, CAN THIỆP");
		layout.childSection(doc, view, "I. THÔNG TIN VỀ TRẺ EM");
		doc.section("II. KẾT QUẢ ĐÁNH GIÁ");
		List<List<String>> rows = new ArrayList<>();
		rows.add(closingRow(1, "case.closing.harmStillSerious", form.harmStillSerious()));
		rows.add(closingRow(2, "case.closing.abuserCanReach", form.abuserCanReach()));
		rows.add(closingRow(3, "case.closing.careObstacles", form.careObstacles()));
		rows.add(closingRow(4, "case.closing.childCapacity", form.childCapacity()));
		List<String> header = new ArrayList<>(List.of("STT", "Nội dung đánh giá"));
		header.addAll(layout.ratingHeader());
		doc.table(header, rows, List.of(3, 14, 3, 4, 3));
		doc.section("III. " + upper(label("case.closing.conclusion"))).text(form.conclusion());
		return layout.preparedAndChair(doc, stored).build();
	}

	private List<String> closingRow(int n, String key, Rating rating) {
		List<String> row = new ArrayList<>(List.of(String.valueOf(n), label(key)));
		row.addAll(ratingColumns(rating));
		return row;
	}

	private String label(String key) {
		return layout.label(key);
	}

}
