package vn.trean.cases;

import java.time.Clock;
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
 * The parts the printed forms of a case share ({@link CasePrintouts},
 * {@link CaseDecisionPrintouts}): the committee's heading, the section on the children,
 * the plan's measures, the signatures, the rating columns, and the Vietnamese labels and
 * dates.
 */
@Component
class CaseFormLayout {

	private static final String PREPARED_BY = "NGƯỜI LẬP";

	private static final String CHAIR = "CHỦ TỊCH";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final Geography geography;

	private final ChildRegistry children;

	private final CaseManagement cases;

	private final MessageSource messages;

	private final Clock clock;

	CaseFormLayout(Geography geography, ChildRegistry children, CaseManagement cases, MessageSource messages,
			Clock clock) {
		this.clock = clock;
		this.geography = geography;
		this.children = children;
		this.cases = cases;
		this.messages = messages;
	}

	OfficialDocument.Builder start(CaseView view, String formNumber, LocalDate date, String title) {
		AdministrativeUnit unit = unit(view);
		return OfficialDocument.builder(OfficialWording.committee(unit.fullName()), unit.name(), date, title)
			.formNumber(formNumber);
	}

	void childSection(OfficialDocument.Builder doc, CaseView view, String title) {
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
			doc.field(label("report.child.birth-date"), birth(child));
			doc.field(label("report.child.residence"),
					child.residence() == null ? null : geography.get(child.residence()).fullName());
		}
	}

	/** The birth date, or for a child whose age was estimated, that age. */
	private String birth(Child child) {
		Integer age = child.approximateAge(LocalDate.now(clock));
		if (age != null) {
			return messages.getMessage("report.child.about", new Object[] { String.valueOf(age) }, WebShell.VIETNAMESE);
		}
		return child.birthDate() == null ? null : date(child.birthDate());
	}

	/** Every measure of the plan, one row each, as Mẫu 04 and Mẫu 05 list them. */
	void measures(OfficialDocument.Builder doc, SupportPlan plan) {
		List<List<String>> rows = new ArrayList<>();
		int n = 1;
		for (SupportPlan.PlannedMeasure m : plan.measures()) {
			rows.add(List.of(String.valueOf(n++), measure(m), m.whoIsResponsible(), orEmpty(date(m.startOn())),
					orEmpty(date(m.endBy())), orEmpty(m.resources())));
		}
		doc.table(List.of("STT", "Biện pháp", label("case.plan.responsible"), label("case.plan.start"),
				label("case.plan.end"), label("case.plan.resources")), rows, List.of(2, 8, 7, 4, 4, 6));
	}

	private String measure(SupportPlan.PlannedMeasure m) {
		String type = m.measure() == null ? "" : label("measure." + m.measure());
		String details = m.details() == null ? "" : m.details().strip();
		return type.isEmpty() || details.isEmpty() ? type + details : type + ": " + details;
	}

	OfficialDocument.Builder preparedAndChair(OfficialDocument.Builder doc, StoredForm<?> stored) {
		return doc.signature(PREPARED_BY, OfficialWording.SIGN, nameOf(stored))
			.signature(CHAIR, OfficialWording.SIGN_AND_SEAL, null);
	}

	List<String> ratingHeader() {
		return Arrays.stream(Rating.values()).map(r -> label("rating." + r)).toList();
	}

	/** One column per rating, the given one marked X, as on the paper form. */
	static List<String> ratingColumns(Rating rating) {
		return Arrays.stream(Rating.values()).map(r -> r == rating ? "X" : "").toList();
	}

	String rating(Rating rating) {
		return rating == null ? null : label("rating." + rating);
	}

	String childNames(CaseView view) {
		return children(view).stream().map(Child::fullName).collect(Collectors.joining(", "));
	}

	private List<Child> children(CaseView view) {
		return view.children().stream().map(children::find).flatMap(Optional::stream).toList();
	}

	AdministrativeUnit unit(CaseView view) {
		return geography.get(view.protectionCase().unit());
	}

	String nameOf(StoredForm<?> stored) {
		return cases.nameOf(stored.recordedBy()).orElse(null);
	}

	String label(String key) {
		return messages.getMessage(key, null, WebShell.VIETNAMESE);
	}

	static String upper(String text) {
		return text.toUpperCase(WebShell.VIETNAMESE);
	}

	static LocalDate day(Instant instant) {
		return instant.atZone(Time.ZONE).toLocalDate();
	}

	static String date(LocalDate date) {
		return date == null ? null : DATE.format(date);
	}

	static String orEmpty(String text) {
		return text == null ? "" : text;
	}

}
