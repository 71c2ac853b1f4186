package vn.trean.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trean.cases.CaseReferralFacts;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.printing.OfficialDocument;
import vn.trean.printing.OfficialWording;
import vn.trean.shared.Time;
import vn.trean.shared.WebShell;

/**
 * The record of a consent or a legal basis as a printed form, laid out like the Mẫu forms
 * of the case (the committee's heading, the place and date, the title, the content, the
 * signatures): who consented, how and when, before whom, for what purpose, and which
 * pieces of the case may be shared for it. Labels come from the Vietnamese bundle, the
 * titles and captions are fixed wording.
 */
@Component
class GroundPrintouts {

	static final String CONSENT_TITLE = "BIÊN BẢN GHI NHẬN SỰ ĐỒNG Ý CHIA SẺ THÔNG TIN CỦA TRẺ EM";

	static final String BASIS_TITLE = "BIÊN BẢN GHI NHẬN CĂN CỨ CHIA SẺ THÔNG TIN CỦA TRẺ EM KHÔNG CẦN SỰ ĐỒNG Ý";

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

	private final Geography geography;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	GroundPrintouts(Geography geography, MessageSource messages, JdbcClient jdbc) {
		this.geography = geography;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	OfficialDocument consent(CaseReferralFacts.Facts facts, GroundView ground) {
		OfficialDocument.Builder doc = start(facts, ground, CONSENT_TITLE);
		doc.field(label("grounds.age-on-day"), String.valueOf(ground.consent().childAgeOnDay()));
		doc.section("II. NGƯỜI ĐỒNG Ý");
		List<List<String>> rows = new ArrayList<>();
		int n = 1;
		for (GroundView.Giver giver : ground.consent().givers()) {
			rows.add(List.of(String.valueOf(n++), giver.name(), label("consent.role." + giver.role()),
					label("consent.method." + giver.method()), giver.givenAt().format(MINUTE), witness(giver)));
		}
		doc.table(List.of("STT", label("consent.giver.name"), label("consent.giver.role"), label("consent.method"),
				label("consent.given-at"), label("consent.witness")), rows, List.of(2, 7, 5, 5, 5, 7));
		purposeAndFields(doc, ground, "III.", "IV.");
		closing(doc, ground, "V.");
		for (GroundView.Giver giver : ground.consent().givers()) {
			doc.signature(upper(label("consent.role." + giver.role())), OfficialWording.SIGN, giver.name());
		}
		ground.consent()
			.givers()
			.stream()
			.filter(g -> g.witnessName() != null)
			.findFirst()
			.ifPresent(g -> doc.signature("NGƯỜI LÀM CHỨNG", OfficialWording.SIGN, g.witnessName()));
		return doc.signature("NGƯỜI LẬP BIÊN BẢN", OfficialWording.SIGN, ground.recordedBy()).build();
	}

	OfficialDocument basis(CaseReferralFacts.Facts facts, GroundView ground) {
		OfficialDocument.Builder doc = start(facts, ground, BASIS_TITLE);
		GroundView.Basis basis = ground.basis();
		doc.section("II. CĂN CỨ CHIA SẺ THÔNG TIN");
		doc.field(label("basis.basis"), label(basis.basis().key()));
		if (basis.requestingBody() != null) {
			doc.field(label("basis.requesting-body"), basis.requestingBody());
			doc.field(label("basis.request-reference"), basis.requestReference());
		}
		if (basis.lawReference() != null) {
			doc.field(label("basis.law-reference"), basis.lawReference());
		}
		doc.field(label("basis.note"), basis.note());
		purposeAndFields(doc, ground, "III.", "IV.");
		closing(doc, ground, "V.");
		return doc.signature("NGƯỜI LẬP BIÊN BẢN", OfficialWording.SIGN, ground.recordedBy())
			.signature("CHỦ TỊCH", OfficialWording.SIGN_AND_SEAL, null)
			.build();
	}

	private OfficialDocument.Builder start(CaseReferralFacts.Facts facts, GroundView ground, String title) {
		AdministrativeUnit unit = geography.get(facts.unit());
		OfficialDocument.Builder doc = OfficialDocument.builder(OfficialWording.committee(unit.fullName()), unit.name(),
				day(ground.recordedAt()), title);
		doc.section("I. THÔNG TIN VỀ TRẺ EM");
		doc.field("Mã vụ việc", facts.code());
		doc.field(label("report.child.name"), ground.childName());
		return doc;
	}

	private void purposeAndFields(OfficialDocument.Builder doc, GroundView ground, String purposeNumber,
			String fieldsNumber) {
		doc.section(purposeNumber + " MỤC ĐÍCH CHIA SẺ THÔNG TIN");
		doc.field(label("grounds.purpose"), label(ground.purpose().key()));
		if (ground.purposeNote() != null) {
			doc.field(label("grounds.purpose-note"), ground.purposeNote());
		}
		doc.section(fieldsNumber + " THÔNG TIN ĐƯỢC CHIA SẺ CHO MỤC ĐÍCH NÀY");
		Set<ShareField> fields = fieldsFor(ground.purpose());
		doc.text(Arrays.stream(ShareField.values())
			.filter(fields::contains)
			.map(f -> label(f.key()))
			.collect(Collectors.joining("; ")));
	}

	private void closing(OfficialDocument.Builder doc, GroundView ground, String number) {
		if (ground.closing() == null) {
			return;
		}
		GroundView.Closing closing = ground.closing();
		doc.section(number + " " + upper(label("grounds.state." + ground.state())));
		doc.field(label("grounds.closed-at"), closing.at().atZone(Time.ZONE).format(MINUTE));
		if (closing.withdrawnBy() != null) {
			doc.field(label("consent.withdrawn-by"), label("consent.withdrawn-by." + closing.withdrawnBy()));
		}
		doc.field(label("grounds.closing-note"), closing.note());
	}

	/**
	 * The pieces of a case the sectors serving the purpose may see: the field sets of
	 * every sector offering a service of that purpose.
	 */
	private Set<ShareField> fieldsFor(SharingPurpose purpose) {
		return jdbc.sql("""
				SELECT DISTINCT f.field FROM referral_service_kind k
				JOIN referral_service_sector s ON s.service = k.code JOIN share_field_set f ON f.sector = s.sector
				WHERE k.purpose = :purpose AND k.active""")
			.param("purpose", purpose.name())
			.query(String.class)
			.list()
			.stream()
			.filter(name -> Arrays.stream(ShareField.values()).anyMatch(f -> f.name().equals(name)))
			.map(ShareField::valueOf)
			.collect(Collectors.toSet());
	}

	private static String witness(GroundView.Giver giver) {
		if (giver.witnessName() == null) {
			return "";
		}
		return giver.witnessName() + (giver.witnessRole() == null ? "" : " (" + giver.witnessRole() + ")");
	}

	private static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, Time.ZONE);
	}

	private static String upper(String text) {
		return text.toUpperCase(WebShell.VIETNAMESE);
	}

	private String label(String key) {
		return messages.getMessage(key, null, WebShell.VIETNAMESE);
	}

	static String fileName(String caseCode, GroundView ground) {
		return caseCode + (ground.ofConsent() ? "-dong-y-" : "-can-cu-") + ground.id() + ".pdf";
	}

}
