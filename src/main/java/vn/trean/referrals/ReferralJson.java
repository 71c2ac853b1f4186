package vn.trean.referrals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * A referral as the referrals API answers it: the envelope every reader sees and, when
 * read, the fields of the agency's share. The answer to a step carries the envelope only,
 * so no answer stored for a retry holds a child's data.
 */
@Schema(name = "Referral", description = "A referral sent to the token's agency")
record ReferralJson(@Schema(description = "The referral's id (an address of this API)") String id,
		@Schema(example = "CG-2026-000123") String code,
		@Schema(description = "SENT, ACCEPTED, DECLINED, IN_PROGRESS, COMPLETED or WITHDRAWN") String state,
		List<String> services, @Schema(description = "What the information is shared for") String purpose,
		@Schema(description = "The commune or ward that sent it") String sendingCommune, @Nullable String sentAt,
		@Schema(description = "The clock that runs out first: RESPONSE, COMPLETION or FORWARDING") @Nullable String nextDueClock,
		@Nullable String nextDueAt,
		@Schema(description = "Changes with every step; for information (the API acts on the current version)") int version,
		@Schema(description = "No consent or legal basis is in force: no field is shared until one is recorded "
				+ "(absent from the answer to a step)") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean suspended,
		@Schema(description = "The fields of the agency's share, by name (absent from the answer to a step)") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<ShareField, Field> fields,
		@Schema(description = "The referral's history: steps, reasons and progress notes (absent from the answer to "
				+ "a step)") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Line> history) {

	/**
	 * One field's value: a text as recorded and message keys, worded in the caller's
	 * language.
	 */
	@Schema(name = "ReferralField")
	record Field(@Nullable String text, List<String> keys,
			@Schema(description = "The keys in the caller's language (Accept-Language)") List<String> words) {
	}

	/** A line of the referral's history. */
	@Schema(name = "ReferralHistoryLine")
	record Line(String at, String kind, String actor, @Nullable String text) {
	}

	/** A page of the agency's referrals, the nearest deadline first. */
	@Schema(name = "ReferralPage")
	record Listing(List<ReferralJson> items, int page, int size, boolean hasNext) {
	}

	/** The share as read, its keys worded in the locale. */
	static ReferralJson of(SharedReferral share, MessageSource messages, Locale locale) {
		Map<ShareField, Field> fields = new LinkedHashMap<>();
		share.fields()
			.forEach((f, v) -> fields.put(f, new Field(v.text(), v.keys(),
					v.keys().stream().map(k -> messages.getMessage(k, null, k, locale)).toList())));
		List<Line> history = share.envelope()
			.history()
			.stream()
			.map(h -> new Line(h.at().toString(), h.kind(), h.actor(), h.text()))
			.toList();
		return of(share.envelope(), share.suspended(), fields, history);
	}

	/** The envelope alone, as the answer to a step. */
	static ReferralJson of(Envelope e) {
		return of(e, null, null, null);
	}

	private static ReferralJson of(Envelope e, @Nullable Boolean suspended, @Nullable Map<ShareField, Field> fields,
			@Nullable List<Line> history) {
		return new ReferralJson(e.id().toString(), e.code(), e.status().name(),
				e.services().stream().map(Enum::name).toList(), e.purpose().name(), e.sendingUnit(), text(e.sentAt()),
				e.nextDueClock(), text(e.nextDueAt()), e.version(), suspended, fields, history);
	}

	private static @Nullable String text(@Nullable Instant at) {
		return at == null ? null : at.toString();
	}

}
