package vn.trean.referrals;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.directory.Directory;
import vn.trean.directory.Sector;
import vn.trean.identity.AccessRefused;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.shared.Dates;
import vn.trean.shared.Page;

/**
 * An agency's inbox as a CSV file for its focal points: a row per referral in the inbox's
 * order, the envelope's columns, then a column per field of the agency sector's set (and
 * the reporter's identity where the sector may be told it). Each row is read through
 * {@link ReferralShare} on the export channel, so every row's reading is logged as a
 * disclosure and a suspended referral's fields are empty. UTF-8 with a byte order mark,
 * which Excel needs to read Vietnamese letters.
 */
@Service
@Transactional
public class ReferralExport {

	static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final ReferralInbox inbox;

	private final ReferralShare share;

	private final ReferralSettings settings;

	private final Directory directory;

	private final MessageSource messages;

	private final Dates dates;

	ReferralExport(ReferralInbox inbox, ReferralShare share, ReferralSettings settings, Directory directory,
			MessageSource messages, Dates dates) {
		this.inbox = inbox;
		this.share = share;
		this.settings = settings;
		this.directory = directory;
		this.messages = messages;
		this.dates = dates;
	}

	/** The agency's referrals as CSV bytes, headed in the reader's language. */
	public byte[] inbox(Actor actor) {
		Locale locale = actor.locale();
		List<ShareField> columns = columns(actor.signedIn());
		List<List<String>> rows = new ArrayList<>();
		List<String> header = new ArrayList<>(Stream
			.of("referral.code", "referral.state", "referral.services", "referral.from", "referral.sent-at",
					"referral.next-due")
			.map(k -> word(k, locale))
			.toList());
		columns.forEach(f -> header.add(word(f.key(), locale)));
		rows.add(header);
		int number = 0;
		Page<ReferralInbox.Row> page;
		do {
			page = inbox.of(actor, number++);
			for (ReferralInbox.Row row : page.items()) {
				rows.add(row(share.share(actor, row.id(), ReferralShare.Channel.EXPORT, Set.of()), columns, locale));
			}
		}
		while (page.hasNext());
		return write(rows);
	}

	/** The fields the agency's sector sees, in display order. */
	private List<ShareField> columns(CurrentUser user) {
		if (user.agency() == null) {
			throw new AccessRefused(Action.ANSWER_REFERRALS, "access.refused.agency");
		}
		Sector sector = directory.agency(user.agency())
			.orElseThrow(() -> new AccessRefused(Action.ANSWER_REFERRALS, "access.refused.agency"))
			.sector();
		FieldSets sets = settings.fieldSets();
		Set<ShareField> set = sets.of(sector);
		if (sets.reporterAllowed(sector)) {
			set.add(ShareField.REPORTER_IDENTITY);
		}
		return Stream.of(ShareField.values()).filter(set::contains).toList();
	}

	private List<String> row(SharedReferral shared, List<ShareField> columns, Locale locale) {
		Envelope e = shared.envelope();
		List<String> row = new ArrayList<>(List.of(e.code(), word(e.status().key(), locale),
				e.services().stream().map(s -> word(s.key(), locale)).collect(Collectors.joining(", ")),
				e.sendingUnit(), e.sentAt() == null ? "" : dates.minute(e.sentAt()), e.nextDueAt() == null ? ""
						: word("referral.clock." + e.nextDueClock(), locale) + ": " + dates.minute(e.nextDueAt())));
		for (ShareField f : columns) {
			ShareValue value = shared.fields().get(f);
			row.add(value == null ? "" : cell(ReferralPrintout.worded(value, k -> word(k, locale))));
		}
		return row;
	}

	/**
	 * A cell that a spreadsheet would take for a formula (OWASP's CSV injection) is
	 * prefixed with an apostrophe, so it opens as the text it is.
	 */
	static String cell(String text) {
		return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}

	private String word(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static byte[] write(List<List<String>> rows) {
		StringWriter text = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
			printer.printRecords(rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[BOM.length + body.length];
		System.arraycopy(BOM, 0, file, 0, BOM.length);
		System.arraycopy(body, 0, file, BOM.length, body.length);
		return file;
	}

	static String fileName(java.time.LocalDate today) {
		return "chuyen-gui-den-co-quan-" + today + ".csv";
	}

}
