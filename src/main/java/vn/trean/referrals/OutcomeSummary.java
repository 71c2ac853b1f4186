package vn.trean.referrals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.trean.shared.Dates;
import vn.trean.shared.WebShell;

/**
 * The one line of an outcome that the case's timeline and the referral's history show,
 * written once in Vietnamese (the language of the case file) from the report's fields. A
 * health examination's findings and treatment never appear in it: they stay on the
 * referral's page.
 */
@Component
class OutcomeSummary {

	/** The longest summary stored. */
	static final int MAX = 500;

	private final MessageSource messages;

	private final Dates dates;

	OutcomeSummary(MessageSource messages, Dates dates) {
		this.messages = messages;
		this.dates = dates;
	}

	String of(OutcomeKind kind, OutcomeReport report, int interviews) {
		List<String> parts;
		if (report instanceof SchoolOutcome s) {
			parts = school(s);
		}
		else if (report instanceof HealthOutcome h) {
			parts = health(h);
		}
		else if (report instanceof PoliceOutcome p) {
			parts = police(p, interviews);
		}
		else {
			parts = service((ServiceOutcome) report, kind == OutcomeKind.SHELTER);
		}

		String joined = String.join("; ", parts);
		String line = joined.isEmpty() ? joined
				: joined.substring(0, 1).toUpperCase(WebShell.VIETNAMESE) + joined.substring(1);
		return line.length() <= MAX ? line : line.substring(0, MAX - 1) + "…";
	}

	private List<String> school(SchoolOutcome s) {
		List<String> parts = new ArrayList<>();
		parts.add(text("referral.outcome.school.measures") + ": "
				+ String.join(", ", s.measures().stream().map(m -> lowerFirst(text(m.key()))).toList()));
		if (s.counsellingSessions() != null) {
			parts.add(text("referral.outcome.summary.counselling", s.counsellingSessions()));
		}
		parts.add(text(Boolean.TRUE.equals(s.staysInSchool()) ? "referral.outcome.summary.stays-in-school"
				: "referral.outcome.summary.leaves-school"));
		followUp(parts, s.followUpOn());
		return parts;
	}

	private List<String> health(HealthOutcome h) {
		List<String> parts = new ArrayList<>();
		parts.add(text("referral.outcome.summary.examined", dates.date(h.examinedOn())));
		parts.add(text(Boolean.TRUE.equals(h.forensicEvidenceCollected())
				? "referral.outcome.summary.forensic-collected" : "referral.outcome.summary.forensic-not-collected"));
		if (h.within72Hours() != null) {
			parts.add(text(
					h.within72Hours() ? "referral.outcome.summary.within-72h" : "referral.outcome.summary.after-72h"));
		}
		if (h.counsellingSessions() != null) {
			parts.add(text("referral.outcome.summary.counselling", h.counsellingSessions()));
		}
		if (h.referredOnwardTo() != null) {
			parts.add(text("referral.outcome.summary.referred-onward", h.referredOnwardTo()));
		}
		return parts;
	}

	private List<String> police(PoliceOutcome p, int interviews) {
		List<String> parts = new ArrayList<>();
		String decision = text(p.decision().key()) + " (" + dates.date(p.decidedOn()) + ")";
		parts.add(p.transferredTo() == null ? decision : decision + ": " + p.transferredTo());
		parts.add(text("referral.outcome.summary.interviews", interviews));
		parts.add(text("referral.outcome.summary.forensic-examination",
				text(Boolean.TRUE.equals(p.forensicRequested()) ? "form.yes" : "form.no"),
				text(Boolean.TRUE.equals(p.forensicDone()) ? "form.yes" : "form.no")));
		return parts;
	}

	private List<String> service(ServiceOutcome s, boolean nights) {
		List<String> parts = new ArrayList<>();
		if (s.sessions() != null) {
			parts.add(text(nights ? "referral.outcome.summary.nights" : "referral.outcome.summary.sessions",
					s.sessions()));
		}
		parts.add(s.outcome());
		followUp(parts, s.followUpOn());
		return parts;
	}

	private void followUp(List<String> parts, @Nullable LocalDate on) {
		if (on != null) {
			parts.add(text("referral.outcome.summary.follow-up", dates.date(on)));
		}
	}

	private static String lowerFirst(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(WebShell.VIETNAMESE) + text.substring(1);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, WebShell.VIETNAMESE);
	}

}
