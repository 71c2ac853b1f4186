package vn.trean.referrals;

import java.util.EnumSet;
import java.util.Set;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.ApiClient;
import vn.trean.identity.ApiPermission;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.referrals.Referral.Status;
import vn.trean.shared.Verdict;

/**
 * Every step taken on a referral: which side takes it (the sending commune or the
 * receiving agency), the permission it needs and the states it is offered in. The sending
 * side is decided against the case's commune; the receiving side against the agency and
 * the unit it belongs to, never the case's commune, so a health station reaches a child
 * of the next commune and a commune officer cannot answer for an agency. The aggregate
 * still guards each transition; this table drives the pages and the checks of
 * {@link Referrals}, in one place.
 */
public enum ReferralStep {

	EDIT_DRAFT(Side.SENDER, EnumSet.of(Status.DRAFT)), SEND(Side.SENDER, EnumSet.of(Status.DRAFT)),
	WITHDRAW(Side.SENDER, EnumSet.of(Status.DRAFT, Status.SENT, Status.ACCEPTED, Status.IN_PROGRESS)),
	RESEND(Side.SENDER, EnumSet.of(Status.DECLINED)), ACCEPT(Side.AGENCY, EnumSet.of(Status.SENT)),
	DECLINE(Side.AGENCY, EnumSet.of(Status.SENT)),
	NOTE_PROGRESS(Side.AGENCY, EnumSet.of(Status.ACCEPTED, Status.IN_PROGRESS)),
	RECORD_FORWARDING(Side.AGENCY, EnumSet.of(Status.ACCEPTED, Status.IN_PROGRESS)),
	RECORD_INTERVIEW(Side.AGENCY, EnumSet.of(Status.ACCEPTED, Status.IN_PROGRESS)),
	COMPLETE(Side.AGENCY, EnumSet.of(Status.ACCEPTED, Status.IN_PROGRESS));

	/** Who takes a step. */
	public enum Side {

		/** The case's commune: {@code HANDLE_REFERRALS} where the case is. */
		SENDER(Action.HANDLE_REFERRALS),
		/** The agency's focal points: {@code ANSWER_REFERRALS} for their own agency. */
		AGENCY(Action.ANSWER_REFERRALS);

		private final Action action;

		Side(Action action) {
			this.action = action;
		}

		public Action action() {
			return action;
		}

		/** The scope the side's permission is decided against. */
		ResourceScope scope(Referral referral) {
			Referral.Address a = referral.address();
			return this == SENDER ? ResourceScope.at(a.unit()) : ResourceScope.at(a.agencyUnit()).ownedBy(a.agency());
		}

		/** Whether the user acts for this side of the referral. */
		Verdict<Void> decide(Authorization authorization, CurrentUser user, Referral referral) {
			return authorization.decide(user, action, scope(referral));
		}

		/**
		 * Whether the actor acts for this side: a user by their permission over the
		 * side's scope; an agency's system (an API token, no user) only for the agency
		 * side, only for its own agency and only with the referrals permission.
		 */
		Verdict<Void> decide(Authorization authorization, Actor actor, Referral referral) {
			ApiClient client = actor.client();
			if (client == null) {
				return decide(authorization, actor.signedIn(), referral);
			}
			if (this == SENDER || !client.has(ApiPermission.REFERRALS)) {
				return Verdict.refuse(Verdict.GENERAL, "access.refused.role");
			}
			if (!client.agency().equals(referral.address().agency())) {
				return Verdict.refuse(Verdict.GENERAL, "access.refused.agency");
			}
			return Verdict.allow(null);
		}

	}

	private final Side side;

	private final Set<Status> states;

	ReferralStep(Side side, Set<Status> states) {
		this.side = side;
		this.states = states;
	}

	public Side side() {
		return side;
	}

	public boolean possibleIn(Status status) {
		return states.contains(status);
	}

	/**
	 * Whether the user may take the step now: their side's permission over its scope, and
	 * a state that offers it ({@code referral.transition.refused} otherwise).
	 */
	Verdict<Void> decide(Authorization authorization, CurrentUser user, Referral referral) {
		return decide(side.decide(authorization, user, referral), referral);
	}

	/** The same for the request's actor, a user or an agency's system. */
	Verdict<Void> decide(Authorization authorization, Actor actor, Referral referral) {
		return decide(side.decide(authorization, actor, referral), referral);
	}

	private Verdict<Void> decide(Verdict<Void> permitted, Referral referral) {
		if (!permitted.allowed() || possibleIn(referral.status())) {
			return permitted;
		}
		return Verdict.refuse(Verdict.GENERAL, "referral.transition.refused");
	}

}
