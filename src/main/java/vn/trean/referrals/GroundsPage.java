package vn.trean.referrals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import vn.trean.cases.CaseId;
import vn.trean.cases.CaseManagement;
import vn.trean.cases.CaseReferralFacts;
import vn.trean.cases.CaseView;
import vn.trean.cases.ProtectionCase;
import vn.trean.children.Child;
import vn.trean.children.ChildRegistry;
import vn.trean.identity.Actor;
import vn.trean.shared.Time;

/**
 * What the grounds page shows: the case (read as its own page reads it, with an access
 * entry), its children with their age today, its grounds, the choices of the forms, and
 * which form a refusal came from.
 */
@Component
class GroundsPage {

	private final SharingGrounds grounds;

	private final CaseManagement cases;

	private final CaseReferralFacts facts;

	private final ChildRegistry children;

	private final ConsentRecords consents;

	private final BasisRecords bases;

	private final Clock clock;

	GroundsPage(SharingGrounds grounds, CaseManagement cases, CaseReferralFacts facts, ChildRegistry children,
			ConsentRecords consents, BasisRecords bases, Clock clock) {
		this.grounds = grounds;
		this.cases = cases;
		this.facts = facts;
		this.children = children;
		this.consents = consents;
		this.bases = bases;
		this.clock = clock;
	}

	/** A child of the case; {@code age} null when neither birth date nor age is known. */
	record ChildRow(long id, String name, @Nullable Integer age) {
	}

	void fill(Actor actor, CaseId id, Model model) {
		List<GroundView> all = grounds.of(actor, id);
		CaseView view = cases.open(actor, id, "GROUNDS");
		CaseReferralFacts.Facts found = facts.find(id).orElseThrow(() -> new UnknownGround("No case " + id));
		LocalDate today = LocalDate.now(clock.withZone(Time.ZONE));
		model.addAttribute("c", view.protectionCase());
		model.addAttribute("grounds", all);
		model.addAttribute("open", !EnumSet.of(ProtectionCase.Status.CLOSED, ProtectionCase.Status.NOT_SUBSTANTIATED)
			.contains(found.status()));
		model.addAttribute("children",
				found.children()
					.stream()
					.map(children::find)
					.flatMap(java.util.Optional::stream)
					.map(child -> row(child, today))
					.toList());
		model.addAttribute("purposes", SharingPurpose.values());
		model.addAttribute("legalBases", LegalBasis.values());
		model.addAttribute("carerRoles", List.of(ConsentDraft.Role.PARENT, ConsentDraft.Role.GUARDIAN));
		model.addAttribute("methods", ConsentDraft.Method.values());
		model.addAttribute("withdrawers", Withdrawal.By.values());
		model.addAttribute("now", LocalDateTime.now(clock.withZone(Time.ZONE)).truncatedTo(ChronoUnit.MINUTES));
		model.addAttribute("failed", failed(model.getAttribute("submitted")));
	}

	private static ChildRow row(Child child, LocalDate today) {
		return new ChildRow(child.id().value(), child.fullName(), ConsentPolicy.ageOn(child, today, null));
	}

	/**
	 * Which form a refusal came from: {@code consent}, {@code basis},
	 * {@code withdraw-<id>}, {@code end-<id>}, or null.
	 */
	private static @Nullable String failed(@Nullable Object submitted) {
		if (submitted instanceof GroundForms.ConsentForm) {
			return "consent";
		}
		if (submitted instanceof GroundForms.BasisForm) {
			return "basis";
		}
		if (submitted instanceof GroundForms.WithdrawForm w) {
			return "withdraw-" + w.consent();
		}
		if (submitted instanceof GroundForms.EndForm e) {
			return "end-" + e.basisId();
		}
		return null;
	}

	/** Refuses as unknown a consent the address names under another case. */
	void consentOf(CaseId id, long consentId) {
		consents.key(consentId)
			.filter(k -> k.caseId().equals(id))
			.orElseThrow(() -> new UnknownGround("No consent " + consentId + " in case " + id));
	}

	void basisOf(CaseId id, long basisId) {
		bases.key(basisId)
			.filter(k -> k.caseId().equals(id))
			.orElseThrow(() -> new UnknownGround("No basis " + basisId + " in case " + id));
	}

}
