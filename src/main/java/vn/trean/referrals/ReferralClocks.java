package vn.trean.referrals;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.trean.cases.DeadlineRules;
import vn.trean.directory.WorkingCalendar;
import vn.trean.directory.WorkingDays;

/**
 * The due times of a referral's clocks, on the working-day calendar: the answer is due by
 * the earliest response limit of its services, counted from sending; the outcome by the
 * latest completion limit, counted from acceptance; a crime report's forwarding (Decree
 * 56, 24 hours) from sending, the earliest the police can have received it.
 */
@Component
class ReferralClocks {

	private final ReferralSettings settings;

	private final WorkingCalendar calendar;

	ReferralClocks(ReferralSettings settings, WorkingCalendar calendar) {
		this.settings = settings;
		this.calendar = calendar;
	}

	Map<Referral.Clock, Instant> onSending(Set<ReferralService> services, Instant now) {
		Catalogue catalogue = settings.catalogue();
		WorkingDays days = calendar.current();
		Map<Referral.Clock, Instant> clocks = new EnumMap<>(Referral.Clock.class);
		clocks.put(Referral.Clock.RESPONSE,
				services.stream()
					.map(s -> DeadlineRules.due(catalogue.of(s).response(), now, days))
					.min(Comparator.naturalOrder())
					.orElseThrow());
		if (services.contains(ReferralService.CRIME_INVESTIGATION)) {
			clocks.put(Referral.Clock.FORWARDING, DeadlineRules.due(catalogue.forwarding(), now, days));
		}
		return clocks;
	}

	Instant completionDue(Set<ReferralService> services, Instant accepted) {
		Catalogue catalogue = settings.catalogue();
		WorkingDays days = calendar.current();
		return services.stream()
			.map(s -> DeadlineRules.due(catalogue.of(s).completion(), accepted, days))
			.max(Comparator.naturalOrder())
			.orElseThrow();
	}

}
