package vn.trean.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Accounts;
import vn.trean.identity.CurrentUser;
import vn.trean.printing.OfficialDocument;
import vn.trean.printing.OfficialWording;
import vn.trean.shared.Time;
import vn.trean.shared.WebShell;

/**
 * Composes Mẫu 01, the intake record of a report, for printing: the report with its
 * children, the harm and the danger signs, the information added when it was sent back,
 * and the reporter's identity only when the {@link ReportView} says the reader may see
 * it. Labels come from the Vietnamese bundle, the State's wording from constants.
 */
@Component
class ReportPrintout {

	static final String TITLE = "BIÊN BẢN TIẾP NHẬN THÔNG TIN, THÔNG BÁO, TỐ GIÁC VỀ HÀNH VI XÂM HẠI TRẺ EM";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy")
		.withZone(Time.ZONE);

	private final Geography geography;

	private final Accounts accounts;

	private final MessageSource messages;

	private final InformationRequestStore requests;

	ReportPrintout(Geography geography, Accounts accounts, MessageSource messages, InformationRequestStore requests) {
		this.requests = requests;
		this.geography = geography;
		this.accounts = accounts;
		this.messages = messages;
	}

	OfficialDocument compose(ReportView view) {
		Report report = view.report();
		AdministrativeUnit unit = geography.get(report.routedTo());
		OfficialDocument.Builder doc = OfficialDocument
			.builder(OfficialWording.committee(unit.fullName()), unit.name(),
					report.receivedAt().atZone(Time.ZONE).toLocalDate(), TITLE)
			.formNumber("01");
		receipt(doc, report, unit);
		boolean identityShown = reporter(doc, report.reporter(), view.reporterVisible());
		children(doc, report);
		harm(doc, report);
		danger(doc, report);
		doc.section("VI. " + upper(label("report.account")));
		doc.text(report.account());
		supplied(doc, report);
		if (identityShown) {
			doc.signature("NGƯỜI THÔNG BÁO, TỐ GIÁC", OfficialWording.SIGN, report.reporter().name());
		}
		String receiver = report.receivedBy() == null ? null
				: accounts.current(report.receivedBy()).map(CurrentUser::displayName).orElse(null);
		doc.signature("NGƯỜI TIẾP NHẬN", OfficialWording.SIGN, receiver);
		return doc.build();
	}

	private void receipt(OfficialDocument.Builder doc, Report report, AdministrativeUnit unit) {
		doc.section("I. " + upper(label("report.section.receipt")));
		doc.field("Mã thông báo", report.referenceCode());
		doc.field(label("report.received-at"), TIME.format(report.receivedAt()));
		doc.field(label("report.channel"), label("channel." + report.channel()));
		doc.field(label("report.routed-to"), unit.fullName());
	}

	/** The reporter's section; whether it showed the reporter's identity. */
	private boolean reporter(OfficialDocument.Builder doc, Report.Reporter reporter, boolean visible) {
		doc.section("II. " + upper(label("report.section.reporter")));
		boolean identityShown = !reporter.anonymous() && visible;
		if (reporter.anonymous()) {
			doc.text(label("report.reporter.anonymous"));
		}
		else if (!identityShown) {
			doc.text(label("report.reporter.confidential"));
		}
		else {
			doc.field(label("report.reporter.name"), reporter.name());
			doc.field(label("report.reporter.phone"), reporter.phone());
			doc.field(label("report.reporter.relation"),
					reporter.relation() == null ? null : label("relation." + reporter.relation()));
			doc.field(label("report.reporter.feedback"), label(reporter.wantsFeedback() ? "form.yes" : "form.no"));
		}
		return identityShown;
	}

	private void children(OfficialDocument.Builder doc, Report report) {
		doc.section("III. THÔNG TIN VỀ TRẺ EM");
		int n = 1;
		for (Report.ReportedChild child : report.children()) {
			String prefix = report.children().size() > 1 ? (n++) + ". " : "";
			doc.field(prefix + label("report.child.name"), child.fullName());
			doc.field(label("report.child.sex"), child.sex() == null ? null : label("sex." + child.sex()));
			doc.field(label("report.child.birth-date"), child.birthDate() != null ? date(child.birthDate())
					: child.approximateAge() != null ? label("report.child.about", child.approximateAge()) : null);
			doc.field(label("report.child.personal-id"), child.personalId());
			doc.field(label("report.child.residence"), unitName(child.residence()));
			doc.field(label("report.child.address"), child.addressDetail());
			doc.field(label("report.child.school"), child.school());
			doc.field(label("report.child.parent"), child.parentName());
		}
		if (report.children().isEmpty()) {
			doc.field(label("report.child.name"), null);
		}
	}

	private void harm(OfficialDocument.Builder doc, Report report) {
		doc.section("IV. " + upper(label("report.section.harm")));
		doc.field(label("report.contact-type"), label("contact." + report.contactType()));
		doc.checklist(label("report.harm-forms"),
				Arrays.stream(HarmForm.values())
					.map(h -> new OfficialDocument.Check(label("harm." + h), report.harmForms().contains(h)))
					.toList());
		doc.field(label("report.place"),
				report.place() == null ? label("report.place.child-home") : unitName(report.place()));
		doc.field(label("report.setting"), report.setting() == null ? null : label("setting." + report.setting()));
		doc.field(label("report.perpetrator.relation"),
				report.perpetratorRelation() == null ? null : label("relation." + report.perpetratorRelation()));
		doc.field(label("report.perpetrator.lives-with"),
				label(report.perpetratorLivesWithChild() ? "form.yes" : "form.no"));
		doc.field(label("report.perpetrator.can-reach"),
				label(report.perpetratorCanReachChild() ? "form.yes" : "form.no"));
	}

	private void danger(OfficialDocument.Builder doc, Report report) {
		doc.section("V. " + upper(label("report.section.danger")));
		doc.checklist(null,
				Arrays.stream(DangerSign.values())
					.map(d -> new OfficialDocument.Check(label("danger." + d), report.dangerSigns().contains(d)))
					.toList());
		doc.field("Mức độ khẩn cấp", label("urgency." + report.urgency()));
		if (report.emergencyDecisionDue() != null) {
			doc.field("Hạn quyết định can thiệp khẩn cấp", TIME.format(report.emergencyDecisionDue()));
		}
	}

	/**
	 * The file name: the report's reference code and the form, e.g.
	 * K7M2P9QX4A-mau-01.pdf.
	 */
	static String fileName(Report report) {
		return report.referenceCode() + "-mau-01.pdf";
	}

	private String unitName(UnitId id) {
		return id == null ? null : geography.find(id).map(AdministrativeUnit::fullName).orElse(null);
	}

	/**
	 * The information the receiving point added when asked, under the account, each with
	 * who and when.
	 */
	private void supplied(OfficialDocument.Builder doc, Report report) {
		for (InformationRequest q : requests.ofReport(report.id())) {
			if (!q.open()) {
				doc.text(label("report.information.title") + " ("
						+ label("report.information.answered-by", q.answeredByName(), TIME.format(q.answeredAt()))
						+ "): " + q.answer());
			}
		}
	}

	private String label(String key, Object... arguments) {
		return messages.getMessage(key, arguments, WebShell.VIETNAMESE);
	}

	private static String upper(String text) {
		return text.toUpperCase(WebShell.VIETNAMESE);
	}

	private static String date(LocalDate date) {
		return DATE.format(date);
	}

}
