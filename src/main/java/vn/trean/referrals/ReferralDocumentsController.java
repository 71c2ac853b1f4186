package vn.trean.referrals;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.trean.geography.Geography;
import vn.trean.identity.Actor;
import vn.trean.printing.FormPrinter;

/**
 * A referral's files: the printed referral, for whoever may read its page (each prints
 * their share), and the agency's inbox as CSV for its focal points. Both read through
 * {@link ReferralShare}, which refuses, narrows and logs as it does for the page.
 */
@Controller
class ReferralDocumentsController {

	private final ReferralShare share;

	private final ReferralChanges changes;

	private final ReferralPrintout printout;

	private final ReferralExport export;

	private final Geography geography;

	private final FormPrinter printer;

	ReferralDocumentsController(ReferralShare share, ReferralChanges changes, ReferralPrintout printout,
			ReferralExport export, Geography geography, FormPrinter printer) {
		this.share = share;
		this.changes = changes;
		this.printout = printout;
		this.export = export;
		this.geography = geography;
		this.printer = printer;
	}

	@GetMapping("/referrals/{id}/print")
	ResponseEntity<byte[]> print(Actor actor, @PathVariable ReferralId id) {
		SharedReferral shared = share.share(actor, id, ReferralShare.Channel.PRINT, Set.of());
		var unit = geography.get(changes.load(id).address().unit());
		return printer.attachment(printout.compose(shared, unit, Referrals.today(changes.now())),
				ReferralPrintout.fileName(shared.envelope()));
	}

	@GetMapping("/referrals/inbox.csv")
	ResponseEntity<byte[]> inbox(Actor actor) {
		byte[] csv = export.inbox(actor);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(ReferralExport.fileName(Referrals.today(changes.now())), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Content-Type-Options", "nosniff")
			.body(csv);
	}

}
