package vn.trean.referrals;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import vn.trean.shared.PlainText;

/**
 * A referral as the sending officer writes it: the child, the agency, the services and
 * purpose, and what no record holds (the class, when it happened, injuries, health needs,
 * the legal question, who may visit, the support asked for). The rest of what the agency
 * may see comes from the case's records.
 */
public record DraftForm(@NotNull Long child, @NotNull(message = "referral.agency.required") Long agency,
		@NotEmpty(message = "referral.services.required") Set<ReferralService> services,
		@Nullable SharingPurpose purpose, @PlainText(max = 1000) @Nullable String purposeNote,
		@NotBlank @PlainText(max = 2000) String supportRequested, @PlainText(max = 100) @Nullable String childClass,
		@PlainText(max = 500) @Nullable String incidentTime, @PlainText(max = 2000) @Nullable String injuries,
		@PlainText(max = 2000) @Nullable String healthNeeds, @PlainText(max = 2000) @Nullable String legalQuestion,
		@PlainText(max = 500) @Nullable String carerContact, @PlainText(max = 500) @Nullable String visitingCarer,
		@Nullable Boolean shareReporter) {

	public DraftForm {
		services = services == null ? Set.of() : Set.copyOf(services);
	}

	/** Whether the officer shares the reporter's identity on this referral. */
	public boolean sharingReporter() {
		return Boolean.TRUE.equals(shareReporter);
	}

	/** The purpose stated, or the first service's. */
	SharingPurpose purposeOr(SharingPurpose fallback) {
		return purpose == null ? fallback : purpose;
	}

}
