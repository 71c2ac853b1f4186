package vn.trean.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.trean.children.Child;
import vn.trean.children.ChildRegistry;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.printing.OfficialDocument;
import vn.trean.printing.OfficialWording;
import vn.trean.shared.Time;
import vn.trean.shared.WebShell;

/**
 * Composes the official forms of a case for printing from what the user was allowed to
 * read ({@link CaseView}): Mẫu 02, 03, 04 and 06 from the latest stored version, Mẫu 05
 * from the chair's approving decision with the plan's measures, and the emergency
 * decision. Labels and enum values come from the Vietnamese bundle, the State's wording
 * from constants here and in {@link OfficialWording}.
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

	static final String LAW_ON_CHILDREN = "Căn cứ Luật Trẻ em ngày 05 tháng 4 năm 2016;";

	static final String DECREE_56 = "Căn cứ Nghị định số 56/2017/NĐ-CP ngày 09 tháng 5 năm 2017 của Chính phủ quy định "
			+ "chi tiết Luật Trẻ em;";

	private static final String PREPARED_BY = "NGƯỜI LẬP";

	private static final String CHAIR = "CHỦ TỊCH";

	private static final String ON_BEHALF_OF_COMMITTEE = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy");

	private final Geography geography;

	private final ChildRegistry children;

	private final CaseManagement cases;

	private final MessageSource messages;

	CasePrintouts(Geography geography, ChildRegistry children, CaseManagement cases, MessageSource messages) {
		this.geography = geography;
		this.children = children;
		this.cases = cases;
		this.messages = messages;
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
				.map(f -> planDecision(view, f, forms.plan()));
			case CLOSING_ASSESSMENT -> Optional.ofNullable(forms.closing()).map(f -> closing(view, f));
			case EMERGENCY_DECISION -> Optional.ofNullable(forms.emergencyDecision()).map(f -> emergency(view, f));
		};
	}

	// ---- Mẫu 02 ----

	private OfficialDocument initial(CaseView view, StoredForm<InitialAssessment> stored) {
		InitialAssessment form = stored.data();
		OfficialDocument.Builder doc = start(view, "02", day(stored.recordedAt()), "PHIẾU ĐÁNH GIÁ NGUY CƠ BAN ĐẦU");
		childSection(doc, view, "I. THÔNG TIN VỀ TRẺ EM");
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
		header.addAll(ratingHeader());
		header.add(label("case.description"));
		doc.table(header, rows, List.of(3, 10, 3, 4, 3, 9));
		doc.section("III. " + upper(label("case.summary"))).text(form.summary());
		doc.field(label("case.emergency-recommended"),
				label(Boolean.TRUE.equals(form.emergencyRecommended()) ? "form.yes" : "form.no"));
		return preparedAndChair(doc, stored).build();
	}

	// ---- Mẫu 03 ----

	private OfficialDocument needs(CaseView view, StoredForm<NeedsAssessment> stored) {
		NeedsAssessment form = stored.data();
		OfficialDocument.Builder doc = start(view, "03", day(stored.recordedAt()),
				"PHIẾU ĐÁNH GIÁ NGUY CƠ CỤ THỂ VÀ XÁC ĐỊNH NHU CẦU CỦA TRẺ EM");
		childSection(doc, view, "I. THÔNG TIN VỀ TRẺ EM");
		doc.section("II. TÌNH TRẠNG CỦA TRẺ EM");
		doc.section("1. " + label("case.needs.physicalState")).text(form.physicalState());
		doc.section("2. " + label("case.needs.psychologicalState")).text(form.psychologicalState());
		doc.section("III. " + upper(label("case.needs.familySituation"))).text(form.familySituation());
		doc.field(label("case.needs.carersAbilityToProtect"), rating(form.carersAbilityToProtect()));
		doc.section("IV. " + upper(label("case.needs.needs"))).text(form.needs());
		doc.section("V. HỌP XÁC ĐỊNH NHU CẦU");
		doc.field(label("case.needs.meetingDate"), date(form.meetingDate()));
		doc.field(label("case.needs.meetingParticipants"), form.meetingParticipants());
		doc.section(label("case.needs.meetingMinutes")).text(form.meetingMinutes());
		return preparedAndChair(doc, stored).build();
	}

	// ---- Mẫu 04 ----

	private OfficialDocument plan(CaseView view, StoredForm<SupportPlan> stored) {
		SupportPlan form = stored.data();
		OfficialDocument.Builder doc = start(view, "04", day(stored.recordedAt()), "KẾ HOẠCH HỖ TRỢ, CAN THIỆP");
		childSection(doc, view, "I. THÔNG TIN VỀ TRẺ EM");
		doc.section("II. " + upper(label("case.plan.goals"))).text(form.goals());
		doc.section("III. CÁC BIỆN PHÁP HỖ TRỢ, CAN THIỆP");
		measures(doc, form);
		if (form.resources() != null && !form.resources().isBlank()) {
			doc.section("IV. " + upper(label("case.plan.resources"))).text(form.resources());
		}
		return preparedAndChair(doc, stored).build();
	}

	// ---- Mẫu 05 ----

	private OfficialDocument planDecision(CaseView view, StoredForm<PlanDecision> stored,
			StoredForm<SupportPlan> plan) {
		PlanDecision decision = stored.data();
		AdministrativeUnit unit = unit(view);
		LocalDate on = decision.decidedOn() != null ? decision.decidedOn() : day(stored.recordedAt());
		OfficialDocument.Builder doc = start(view, "05", on, "QUYẾT ĐỊNH")
			.documentNumber("Số: " + orEmpty(decision.decisionNumber()))
			.subtitle("Về việc phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em");
		doc.section("CHỦ TỊCH ỦY BAN NHÂN DÂN " + upper(unit.fullName()));
		doc.text(LAW_ON_CHILDREN).text(DECREE_56);
		doc.text("Xét đề nghị của cán bộ phụ trách vụ việc " + view.protectionCase().referenceCode() + ",");
		doc.section("QUYẾT ĐỊNH:");
		doc.text("Điều 1. Phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em " + childNames(view) + " (vụ việc "
				+ view.protectionCase().referenceCode() + ") với các biện pháp sau:");
		if (plan != null) {
			measures(doc, plan.data());
			doc.text(label("case.plan.goals") + ": " + orEmpty(plan.data().goals()));
		}
		doc.text("Điều 2. Các cơ quan, tổ chức, cá nhân có tên tại Điều 1 thực hiện các biện pháp trong thời hạn "
				+ "nêu trên; cán bộ phụ trách vụ việc theo dõi, rà soát và báo cáo kết quả.");
		doc.text("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.");
		if (decision.note() != null && !decision.note().isBlank()) {
			doc.field(label("case.decision.note"), decision.note());
		}
		return doc.signature(ON_BEHALF_OF_COMMITTEE, OfficialWording.SIGN_AND_SEAL, nameOf(stored)).build();
	}

	// ---- Mẫu 06 ----

	private OfficialDocument closing(CaseView view, StoredForm<ClosingAssessment> stored) {
		ClosingAssessment form = stored.data();
		OfficialDocument.Builder doc = start(view, "06", day(stored.recordedAt()),
				"PHIẾU RÀ SOÁT, ĐÁNH GIÁ KẾT QUẢ HỖ TRỢ, CAN THIỆP");
		childSection(doc, view, "I. THÔNG TIN VỀ TRẺ EM");
		doc.section("II. KẾT QUẢ ĐÁNH GIÁ");
		List<List<String>> rows = new ArrayList<>();
		rows.add(closingRow(1, "case.closing.harmStillSerious", form.harmStillSerious()));
		rows.add(closingRow(2, "case.closing.abuserCanReach", form.abuserCanReach()));
		rows.add(closingRow(3, "case.closing.careObstacles", form.careObstacles()));
		rows.add(closingRow(4, "case.closing.childCapacity", form.childCapacity()));
		List<String> header = new ArrayList<>(List.of("STT", "Nội dung đánh giá"));
		header.addAll(ratingHeader());
		doc.table(header, rows, List.of(3, 14, 3, 4, 3));
		doc.section("III. " + upper(label("case.closing.conclusion"))).text(form.conclusion());
		return preparedAndChair(doc, stored).build();
	}

	private List<String> closingRow(int n, String key, Rating rating) {
		List<String> row = new ArrayList<>(List.of(String.valueOf(n), label(key)));
		row.addAll(ratingColumns(rating));
		return row;
	}

	// ---- the emergency decision ----

	private OfficialDocument emergency(CaseView view, StoredForm<EmergencyDecision> stored) {
		EmergencyDecision decision = stored.data();
		AdministrativeUnit unit = unit(view);
		LocalDate on = decision.decidedAt() != null ? decision.decidedAt().toLocalDate() : day(stored.recordedAt());
		OfficialDocument.Builder doc = start(view, null, on, "QUYẾT ĐỊNH").documentNumber("Số: ........../QĐ-UBND")
			.subtitle("Về việc áp dụng biện pháp can thiệp khẩn cấp đối với trẻ em");
		doc.section("CHỦ TỊCH ỦY BAN NHÂN DÂN " + upper(unit.fullName()));
		doc.text(LAW_ON_CHILDREN).text(DECREE_56);
		doc.text("Xét tình trạng của trẻ em trong vụ việc " + view.protectionCase().referenceCode() + ",");
		doc.section("QUYẾT ĐỊNH:");
		doc.text("Điều 1. Áp dụng biện pháp can thiệp khẩn cấp đối với trẻ em " + childNames(view) + ":");
		emergencyMeasures(doc, decision);
		doc.field(label("case.emergency.decided-at"),
				decision.decidedAt() == null ? null : TIME.format(decision.decidedAt()));
		doc.text("Điều 2. " + label("case.emergency.reasons") + ": " + orEmpty(decision.reasons()));
		doc.text("Điều 3. Quyết định này có hiệu lực kể từ thời điểm ký. Cán bộ phụ trách vụ việc và các cơ quan, "
				+ "tổ chức, cá nhân liên quan chịu trách nhiệm thi hành.");
		return doc.signature(ON_BEHALF_OF_COMMITTEE, OfficialWording.SIGN_AND_SEAL, nameOf(stored)).build();
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

	// ---- shared parts ----

	private OfficialDocument.Builder start(CaseView view, String formNumber, LocalDate date, String title) {
		AdministrativeUnit unit = unit(view);
		return OfficialDocument.builder(OfficialWording.committee(unit.fullName()), unit.name(), date, title)
			.formNumber(formNumber);
	}

	private void childSection(OfficialDocument.Builder doc, CaseView view, String title) {
		doc.section(title);
		doc.field("Mã vụ việc", view.protectionCase().referenceCode());
		List<Child> list = children(view);
		if (list.isEmpty()) {
			doc.field(label("report.child.name"), null);
		}
		for (int i = 0; i < list.size(); i++) {
			Child child = list.get(i);
			String prefix = list.size() > 1 ? (i + 1) + ". " : "";
			doc.field(prefix + label("report.child.name"), child.fullName());
			doc.field(label("report.child.sex"), child.sex() == null ? null : label("sex." + child.sex()));
			doc.field(label("report.child.birth-date"), child.birthDate() == null ? null
					: date(child.birthDate()) + (child.birthDateApproximate() ? " (ước tính)" : ""));
			doc.field(label("report.child.residence"),
					child.residence() == null ? null : geography.get(child.residence()).fullName());
		}
	}

	private void measures(OfficialDocument.Builder doc, SupportPlan plan) {
		List<List<String>> rows = new ArrayList<>();
		int n = 1;
		for (SupportPlan.PlannedMeasure m : plan.measures()) {
			rows.add(List.of(String.valueOf(n++), m.measure() == null ? "" : label("measure." + m.measure()),
					orEmpty(m.responsible()), date(m.startOn()), date(m.endBy())));
		}
		doc.table(List.of("STT", "Biện pháp", label("case.plan.responsible"), label("case.plan.start"),
				label("case.plan.end")), rows, List.of(3, 8, 8, 5, 5));
	}

	private OfficialDocument.Builder preparedAndChair(OfficialDocument.Builder doc, StoredForm<?> stored) {
		return doc.signature(PREPARED_BY, OfficialWording.SIGN, nameOf(stored))
			.signature(CHAIR, OfficialWording.SIGN_AND_SEAL, null);
	}

	private List<String> ratingHeader() {
		return Arrays.stream(Rating.values()).map(r -> label("rating." + r)).toList();
	}

	/** One column per rating, the given one marked X, as on the paper form. */
	private static List<String> ratingColumns(Rating rating) {
		return Arrays.stream(Rating.values()).map(r -> r == rating ? "X" : "").toList();
	}

	private String rating(Rating rating) {
		return rating == null ? null : label("rating." + rating);
	}

	private String childNames(CaseView view) {
		return children(view).stream().map(Child::fullName).collect(Collectors.joining(", "));
	}

	private List<Child> children(CaseView view) {
		return view.children().stream().map(children::find).flatMap(Optional::stream).toList();
	}

	private AdministrativeUnit unit(CaseView view) {
		return geography.get(view.protectionCase().unit());
	}

	private String nameOf(StoredForm<?> stored) {
		return cases.nameOf(stored.recordedBy()).orElse(null);
	}

	private String label(String key) {
		return messages.getMessage(key, null, WebShell.VIETNAMESE);
	}

	private static String upper(String text) {
		return text.toUpperCase(WebShell.VIETNAMESE);
	}

	private static LocalDate day(Instant instant) {
		return instant.atZone(Time.ZONE).toLocalDate();
	}

	private static String date(LocalDate date) {
		return date == null ? null : DATE.format(date);
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

}
