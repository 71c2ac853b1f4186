package vn.trean.referrals;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.trean.cases.CaseId;
import vn.trean.cases.CaseReferralFacts;
import vn.trean.cases.ProtectionCase;
import vn.trean.children.Child;
import vn.trean.children.ChildId;
import vn.trean.children.ChildRegistry;
import vn.trean.identity.AccessRefused;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.FormErrors;
import vn.trean.shared.Verdict;

/**
 * Who may handle a case's sharing grounds ({@link Action#HANDLE_REFERRALS} where the case
 * is, decided by {@link Authorization}) and on which case and child: a new ground only on
 * an open case and for one of its children.
 */
@Component
class GroundsCase {

	private static final Set<ProtectionCase.Status> CLOSED = EnumSet.of(ProtectionCase.Status.CLOSED,
			ProtectionCase.Status.NOT_SUBSTANTIATED);

	private final CaseReferralFacts facts;

	private final ChildRegistry children;

	private final Authorization authorization;

	GroundsCase(CaseReferralFacts facts, ChildRegistry children, Authorization authorization) {
		this.facts = facts;
		this.children = children;
		this.authorization = authorization;
	}

	/** The case, if the user may handle its referrals; refused with 403 or 404. */
	CaseReferralFacts.Facts permitted(Actor actor, CaseId id) {
		CaseReferralFacts.Facts found = facts.find(id).orElseThrow(() -> new UnknownGround("No case " + id));
		Verdict<Void> decision = authorization.decide(actor.signedIn(), Action.HANDLE_REFERRALS,
				ResourceScope.at(found.unit()));
		if (!decision.allowed()) {
			throw new AccessRefused(Action.HANDLE_REFERRALS, decision.reason(), "CASE", id.toString(), "GROUNDS");
		}
		return found;
	}

	/**
	 * The case open for a new ground, locked against closing until the transaction ends,
	 * and the child, one of its children.
	 */
	Target writable(Actor actor, CaseId id, ChildId child) {
		permitted(actor, id);
		CaseReferralFacts.Facts locked = facts.lockForReferral(id);
		if (CLOSED.contains(locked.status())) {
			throw new GroundRuleBroken("grounds.case-closed");
		}
		if (!locked.involves(child)) {
			throw new InvalidGround(new FormErrors().reject("child", "grounds.child-not-in-case"));
		}
		Child found = children.find(child).orElseThrow(() -> new UnknownGround("No child " + child));
		return new Target(locked, found);
	}

	record Target(CaseReferralFacts.Facts facts, Child child) {
	}

	Child child(ChildId id) {
		return children.find(id).orElseThrow(() -> new UnknownGround("No child " + id));
	}

}
