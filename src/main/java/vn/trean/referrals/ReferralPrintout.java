package vn.trean.referrals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.printing.OfficialDocument;
import vn.trean.printing.OfficialWording;
import vn.trean.shared.Time;
import vn.trean.shared.WebShell;

/**
 * The printed referral (<i>Phiếu chuyển gửi trẻ em</i>), laid out like the Mẫu forms of
 * the case: the sending committee's heading, the title, the referral's own facts, then
 * exactly the fields of the reader's share in display order, and the signatures. Composed
 * only from a {@link SharedReferral}, so it prints what the reader's page shows and
 * nothing more; labels and values come from the Vietnamese bundle, titles and captions
 * are fixed wording.
 */
@Component
class ReferralPrintout {

	static final String TITLE = "PHIẾU CHUYỂN GỬI TRẺ EM";

	private final MessageSource messages;

	ReferralPrintout(MessageSource messages) {
		this.messages = messages;
	}

	/** The referral as the reader may see it, printed in the sending unit's name. */
	OfficialDocument compose(SharedReferral shared, AdministrativeUnit sendingUnit, LocalDate today) {
		Envelope e = shared.envelope();
		LocalDate date = e.sentAt() == null ? today : LocalDate.ofInstant(e.sentAt(), Time.ZONE);
		OfficialDocument.Builder doc = OfficialDocument
			.builder(OfficialWording.committee(sendingUnit.fullName()), sendingUnit.name(), date, TITLE)
			.documentNumber("Số: " + e.code())
			.subtitle("Kính gửi: " + e.agency());
		doc.section("I. THÔNG TIN CHUYỂN GỬI");
		doc.field(label("referral.code"), e.code());
		if (shared.side() == ReferralStep.Side.SENDER) {
			doc.field(label("referral.case"), e.caseCode());
		}
		doc.field(label("referral.from"), e.sendingUnit());
		doc.field(label("referral.agency"), e.agency() + " (" + label("sector." + e.sector()) + ")");
		doc.field(label("referral.services"),
				e.services().stream().map(s -> label(s.key())).collect(Collectors.joining(", ")));
		doc.field(label("referral.purpose"),
				label(e.purpose().key()) + (e.purposeNote() == null ? "" : ": " + e.purposeNote()));
		doc.field(label("referral.state"), label(e.status().key()));
		doc.section("II. THÔNG TIN VỀ TRẺ EM ĐƯỢC CHIA SẺ");
		shareOf(doc, shared);
		return doc.signature("ĐẠI DIỆN CƠ QUAN, TỔ CHỨC NHẬN", OfficialWording.SIGN, null)
			.signature("NGƯỜI CHUYỂN GỬI", OfficialWording.SIGN, sender(e))
			.build();
	}

	private void shareOf(OfficialDocument.Builder doc, SharedReferral shared) {
		if (shared.suspended()) {
			doc.text(label("referral.suspended"));
		}
		else if (shared.fields().isEmpty()) {
			doc.text(label("referral.share.none"));
		}
		for (Map.Entry<ShareField, ShareValue> f : shared.fields().entrySet()) {
			doc.field(label(f.getKey().key()), worded(f.getValue(), this::label));
		}
	}

	/** A value as the page shows it: the text, then its keys worded. */
	static String worded(ShareValue value, UnaryOperator<String> word) {
		return Stream.concat(Stream.ofNullable(value.text()).filter(t -> !t.isBlank()), value.keys().stream().map(word))
			.collect(Collectors.joining("; "));
	}

	/** Who sent the referral, as its history names them; empty for a draft. */
	private static @Nullable String sender(Envelope e) {
		List<Envelope.HistoryLine> sent = e.history().stream().filter(h -> "SENT".equals(h.kind())).toList();
		return sent.isEmpty() ? null : sent.get(sent.size() - 1).actor();
	}

	private String label(String key) {
		return messages.getMessage(key, null, WebShell.VIETNAMESE);
	}

	static String fileName(Envelope e) {
		return "phieu-chuyen-gui-" + e.code() + ".pdf";
	}

}
