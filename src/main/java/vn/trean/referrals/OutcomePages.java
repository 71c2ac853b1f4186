package vn.trean.referrals;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.Geography;
import vn.trean.registers.RegisterLookups;
import vn.trean.registers.WorkforceRole;

/**
 * What the agency's outcome forms on the referral page offer: the report of its kind,
 * whether the 72-hour question is asked, and for an interview the rooms and police
 * investigators the registers hold in the agency's province; a refused form shows again
 * as it was typed.
 */
@Component
@Transactional(readOnly = true)
class OutcomePages {

	/** The forms' choices and, after a refusal, what was typed. */
	record Forms(OutcomeKind kind, boolean asks72Hours, List<RegisterLookups.Room> rooms,
			List<RegisterLookups.Member> investigators, @Nullable OutcomeReport report,
			ReferralAnswers.@Nullable Forwarding forwarding, ReferralAnswers.@Nullable Interview interview) {
	}

	private final ReferralChanges changes;

	private final CaseHarms harms;

	private final RegisterLookups registers;

	private final Geography geography;

	OutcomePages(ReferralChanges changes, CaseHarms harms, RegisterLookups registers, Geography geography) {
		this.changes = changes;
		this.harms = harms;
		this.registers = registers;
		this.geography = geography;
	}

	Forms of(ReferralId id, Set<ReferralStep> steps, @Nullable Object submitted) {
		Referral r = changes.load(id);
		OutcomeKind kind = OutcomeKind.of(r.address().sector());
		boolean asks = kind == OutcomeKind.HEALTH && steps.contains(ReferralStep.COMPLETE)
				&& harms.sexualAbuse(r.address().caseId());
		List<RegisterLookups.Room> rooms = List.of();
		List<RegisterLookups.Member> investigators = List.of();
		if (steps.contains(ReferralStep.RECORD_INTERVIEW)) {
			var province = geography.unitsWithin(geography.provinceOf(r.address().agencyUnit()));
			rooms = registers.rooms(province);
			investigators = registers.members(province, WorkforceRole.POLICE_INVESTIGATOR);
		}
		return new Forms(kind, asks, rooms, investigators, submitted instanceof OutcomeReport report ? report : null,
				submitted instanceof ReferralAnswers.Forwarding f ? f : null,
				submitted instanceof ReferralAnswers.Interview i ? i : null);
	}

}
