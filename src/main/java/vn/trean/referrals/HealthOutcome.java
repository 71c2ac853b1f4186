package vn.trean.referrals;

import java.time.LocalDate;
import java.util.LinkedHashMap;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.jspecify.annotations.Nullable;

import vn.trean.shared.PlainText;

/**
 * A health facility's outcome: the examination, its findings, the treatment, whether
 * forensic evidence was collected (and, after a sexual assault, whether the child was
 * examined within 72 hours), the psychological counselling and any onward referral. The
 * findings are sensitive: shown on the referral's page only, never in the summary, the
 * case's timeline, a notification or the audit log.
 */
public record HealthOutcome(@NotNull LocalDate completedOn, @NotNull LocalDate examinedOn,
		@PlainText(max = 2000) @Nullable String findings, @PlainText(max = 1000) @Nullable String treatment,
		@NotNull Boolean forensicEvidenceCollected, @Nullable Boolean within72Hours,
		@PositiveOrZero(message = "validation.invalid") @Max(value = 500,
				message = "validation.invalid") @Nullable Integer counsellingSessions,
		@PlainText(max = 300) @Nullable String referredOnwardTo) implements OutcomeReport {

	public HealthOutcome {
		findings = ReferralChanges.clean(findings);
		treatment = ReferralChanges.clean(treatment);
		referredOnwardTo = ReferralChanges.clean(referredOnwardTo);
	}

	@Override
	public LinkedHashMap<String, LocalDate> dates() {
		LinkedHashMap<String, LocalDate> dates = new LinkedHashMap<>();
		dates.put("completedOn", completedOn);
		dates.put("examinedOn", examinedOn);
		return dates;
	}

	@Override
	public HealthOutcome withoutSensitive() {
		return new HealthOutcome(completedOn, examinedOn, null, treatment, forensicEvidenceCollected, within72Hours,
				counsellingSessions, referredOnwardTo);
	}

	/** The report with the 72-hour answer, kept only where the question is asked. */
	HealthOutcome within72Hours(@Nullable Boolean answer) {
		return new HealthOutcome(completedOn, examinedOn, findings, treatment, forensicEvidenceCollected, answer,
				counsellingSessions, referredOnwardTo);
	}

}
