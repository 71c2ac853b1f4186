package vn.trean;

import java.util.ArrayList;
import java.util.List;

import vn.trean.children.Sex;
import vn.trean.geography.UnitId;
import vn.trean.intake.Channel;
import vn.trean.intake.ContactType;
import vn.trean.intake.DangerSign;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Relation;
import vn.trean.intake.ReportDraft;
import vn.trean.intake.Setting;

/**
 * Report drafts for tests, so that a test names only what it is about. By default: an
 * anonymous call to the 111 hotline about harm that happened in the unit given, with no
 * children, no forms of harm, no danger signs, a perpetrator without access to the child,
 * and a short account.
 */
public final class ReportDrafts {

	private Channel channel = Channel.HOTLINE_111;

	private boolean reporterAnonymous = true;

	private String reporterName;

	private String reporterPhone;

	private Relation reporterRelation;

	private boolean reporterWantsFeedback;

	private final List<ReportDraft.ChildEntry> children = new ArrayList<>();

	private ContactType contactType = ContactType.HARM;

	private List<HarmForm> harmForms = List.of();

	private Setting setting;

	private Relation perpetratorRelation;

	private boolean perpetratorLivesWithChild;

	private boolean perpetratorCanReachChild;

	private Long placeUnit;

	private String account = "Hàng xóm nghe thấy trẻ kêu cứu.";

	private List<DangerSign> dangerSigns = List.of();

	private ReportDrafts(Long placeUnit) {
		this.placeUnit = placeUnit;
	}

	/** A draft of a report of something that happened in that unit. */
	public static ReportDrafts at(UnitId place) {
		return at(place.value());
	}

	/** A draft of a report of something that happened in the unit with that id. */
	public static ReportDrafts at(long place) {
		return new ReportDrafts(place);
	}

	/** The same draft as the one given, to change some of it. */
	public static ReportDrafts from(ReportDraft draft) {
		ReportDrafts copy = new ReportDrafts(draft.placeUnit());
		copy.channel = draft.channel();
		copy.reporterAnonymous = Boolean.TRUE.equals(draft.reporterAnonymous());
		copy.reporterName = draft.reporterName();
		copy.reporterPhone = draft.reporterPhone();
		copy.reporterRelation = draft.reporterRelation();
		copy.reporterWantsFeedback = Boolean.TRUE.equals(draft.reporterWantsFeedback());
		copy.children.addAll(draft.children());
		copy.contactType = draft.contactType();
		copy.harmForms = draft.harmForms();
		copy.setting = draft.setting();
		copy.perpetratorRelation = draft.perpetratorRelation();
		copy.perpetratorLivesWithChild = Boolean.TRUE.equals(draft.perpetratorLivesWithChild());
		copy.perpetratorCanReachChild = Boolean.TRUE.equals(draft.perpetratorCanReachChild());
		copy.account = draft.account();
		copy.dangerSigns = draft.dangerSigns();
		return copy;
	}

	/** Another place where it happened; the children's residences stay. */
	public ReportDrafts withPlace(UnitId place) {
		this.placeUnit = place.value();
		return this;
	}

	/**
	 * A girl of that age, by name only, living where it happened (the place as set so
	 * far), whom the operator has not linked to a registered child.
	 */
	public ReportDrafts withChild(String fullName, int approximateAge) {
		return withChild(fullName, approximateAge, null);
	}

	/**
	 * The same girl, linked as {@code linkTo} says ({@link ReportDraft#NEW_CHILD} or a
	 * reference).
	 */
	public ReportDrafts withChild(String fullName, int approximateAge, String linkTo) {
		children.add(new ReportDraft.ChildEntry(fullName, Sex.FEMALE, null, approximateAge, null, placeUnit, null, null,
				null, linkTo));
		return this;
	}

	/** A child as the operator typed her, every detail given. */
	public ReportDrafts withChild(ReportDraft.ChildEntry child) {
		children.add(child);
		return this;
	}

	/** A reporter who gives her name and phone. */
	public ReportDrafts withReporter(String name, String phone, Relation relation, boolean wantsFeedback) {
		this.reporterAnonymous = false;
		this.reporterName = name;
		this.reporterPhone = phone;
		this.reporterRelation = relation;
		this.reporterWantsFeedback = wantsFeedback;
		return this;
	}

	/** A report of harm of these forms. */
	public ReportDrafts withHarm(HarmForm... forms) {
		this.contactType = ContactType.HARM;
		this.harmForms = List.of(forms);
		return this;
	}

	/** A counselling contact: no harm is reported. */
	public ReportDrafts withCounselling() {
		this.contactType = ContactType.COUNSELLING;
		this.harmForms = List.of();
		return this;
	}

	public ReportDrafts withSetting(Setting setting) {
		this.setting = setting;
		return this;
	}

	public ReportDrafts withPerpetrator(Relation relation) {
		this.perpetratorRelation = relation;
		return this;
	}

	/** A perpetrator who lives with the child and can reach her. */
	public ReportDrafts withPerpetratorAccess() {
		this.perpetratorLivesWithChild = true;
		this.perpetratorCanReachChild = true;
		return this;
	}

	public ReportDrafts withDangerSigns(DangerSign... signs) {
		this.dangerSigns = List.of(signs);
		return this;
	}

	public ReportDrafts withAccount(String account) {
		this.account = account;
		return this;
	}

	public ReportDrafts withChannel(Channel channel) {
		this.channel = channel;
		return this;
	}

	public ReportDraft build() {
		return new ReportDraft(channel, reporterAnonymous, reporterName, reporterPhone, reporterRelation,
				reporterWantsFeedback, List.copyOf(children), contactType, harmForms, setting, perpetratorRelation,
				perpetratorLivesWithChild, perpetratorCanReachChild, placeUnit, account, dangerSigns);
	}

}
