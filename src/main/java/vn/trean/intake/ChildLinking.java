package vn.trean.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.trean.audit.AuditLog;
import vn.trean.children.Child;
import vn.trean.children.ChildDetails;
import vn.trean.children.ChildMatch;
import vn.trean.children.ChildRegistry;
import vn.trean.geography.Geography;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.FormErrors;

/**
 * Which registered children a user entering a report is shown as possible matches, and
 * which one a report may be linked to. Matching runs across the user's province (a child
 * who moved must be found), but a child outside the user's reach for children's records
 * is shown masked (initials, birth year, province) unless her identification number and a
 * second fact agree ({@link ChildRegistry#confirmedBy}); a typed number alone never shows
 * a name or a place. Every lookup is access-logged and counted against the user's limit.
 * <p>
 * A link is accepted only to a child the user may see, or to one the same facts offer
 * again as a match on saving (recomputed, no session state); an API client only to a
 * child the submitted facts confirm.
 */
@Component
class ChildLinking {

	/** How many likely matches are offered for one child. */
	static final int OFFERED = 5;

	private final ChildRegistry children;

	private final Geography geography;

	private final Authorization authorization;

	private final AuditLog audit;

	private final RateLimits limiter;

	ChildLinking(ChildRegistry children, Geography geography, Authorization authorization, AuditLog audit,
			RateLimits limiter) {
		this.children = children;
		this.geography = geography;
		this.authorization = authorization;
		this.audit = audit;
		this.limiter = limiter;
	}

	/**
	 * A likely match as the user sees it: {@code name} and {@code place} are {@code null}
	 * when withheld. A masked match carries no reference, score or reasons: it cannot be
	 * linked, and the reasons would let a caller confirm a guessed fact one try at a
	 * time.
	 */
	record ShownMatch(String reference, String name, boolean masked, Integer birthYear, String place, int score,
			List<String> reasons) {
	}

	/** The user looked up matches more often than the limit allows. */
	static class TooManyLookups extends RuntimeException {

		TooManyLookups() {
			super("Too many lookups of matching children");
		}

	}

	/**
	 * The matches the user is shown for a child being entered: none for a user who may
	 * not see children's records. Counted against the user's limit and access-logged.
	 * @throws TooManyLookups over the limit
	 */
	List<ShownMatch> shownTo(Actor actor, ChildDetails details) {
		CurrentUser me = actor.signedIn();
		if (!authorization.permitsSomewhere(me, Action.VIEW_CHILD_RECORDS) || details.fullName() == null
				|| details.fullName().isBlank()) {
			return List.of();
		}
		if (!limiter.tryLookUpChildren(me.id())) {
			throw new TooManyLookups();
		}
		List<ShownMatch> shown = new ArrayList<>();
		for (ChildMatch match : offered(me, details)) {
			ShownMatch seen = show(me, details, match);
			shown.add(seen);
			audit.recordAccess(actor, "CHILD", match.child().id().toString(),
					seen.masked() ? "shown masked as a possible duplicate" : "shown as a possible duplicate");
		}
		boolean byNumber = details.personalId() != null && !details.personalId().isBlank();
		audit.recordAccess(actor, "CHILD_MATCHES", "-", "lookup" + (byNumber ? " with a number" : "") + ": "
				+ shown.size() + " shown, " + shown.stream().filter(ShownMatch::masked).count() + " masked");
		return shown;
	}

	/**
	 * {@link #shownTo} for the actor, or nothing when the lookup is over the user's limit
	 * (a 429 to the form).
	 */
	Optional<List<ShownMatch>> lookUp(Actor actor, ChildDetails details) {
		try {
			return Optional.of(shownTo(actor, details));
		}
		catch (TooManyLookups ex) {
			return Optional.empty();
		}
	}

	/**
	 * Looks up the matches of each child of the report neither linked nor confirmed new,
	 * into {@code shown}: each one with matches must be chosen before the report is
	 * saved. Over the limit, that child is refused and no more lookups are made.
	 * @return the refusals, by the form's field names
	 */
	FormErrors toChoose(Actor actor, ReportDraft draft, Map<Integer, List<ShownMatch>> shown) {
		FormErrors toChoose = new FormErrors();
		List<ReportDraft.ChildEntry> entries = draft.childList();
		for (int i = 0; i < entries.size(); i++) {
			if (!entries.get(i).chosen() && !lookUp(actor, entries.get(i), i, shown, toChoose)) {
				break;
			}
			if (shown.containsKey(i)) {
				toChoose.reject("children[" + i + "].linkTo", "report.child.choose");
			}
		}
		return toChoose;
	}

	/**
	 * The matches shown again with a refused report, beside those already in
	 * {@code shown}: a child confirmed new shows hers too (one refused for a registered
	 * number can then be linked), and so does a child whose link was refused.
	 * @return false when the lookups went over the user's limit
	 */
	boolean showAgain(Actor actor, ReportDraft refused, FormErrors errors, Map<Integer, List<ShownMatch>> shown) {
		if (errors.asMap().containsValue("report.matches.too-many")) {
			return false;
		}
		List<ReportDraft.ChildEntry> entries = refused.childList();
		for (int i = 0; i < entries.size(); i++) {
			ReportDraft.ChildEntry entry = entries.get(i);
			if (entry.chosen() && !shown.containsKey(i)
					&& (entry.link() == null || errors.has("children[" + i + "].linkTo"))
					&& !lookUp(actor, entry, i, shown, errors)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Looks up one child's matches into {@code shown}; over the limit, refuses it on the
	 * child and returns false.
	 */
	private boolean lookUp(Actor actor, ReportDraft.ChildEntry entry, int index, Map<Integer, List<ShownMatch>> shown,
			FormErrors errors) {
		Optional<List<ShownMatch>> matches = lookUp(actor, entry.details());
		if (matches.isEmpty()) {
			errors.reject("children[" + index + "].linkTo", "report.matches.too-many");
			return false;
		}
		if (!matches.get().isEmpty()) {
			shown.put(index, matches.get());
		}
		return true;
	}

	/**
	 * Whether the user may link a report's child to this registered child: one the user
	 * may see, or one outside the user's reach whom the submitted facts confirm (her
	 * number and a second fact). A match found by weaker facts is never linked across the
	 * boundary: the case would then show the child's whole record to an officer who knew
	 * only, say, her number.
	 */
	boolean userMayLink(CurrentUser me, ChildDetails details, Child child) {
		if (!authorization.permitsSomewhere(me, Action.VIEW_CHILD_RECORDS)) {
			return false;
		}
		return inReach(me, child) || ChildRegistry.confirmedBy(details, child);
	}

	/**
	 * Whether an API client may link a report's child to this registered child: only when
	 * the submitted facts confirm her (number and a second fact).
	 */
	static boolean apiMayLink(ChildDetails details, Child child) {
		return ChildRegistry.confirmedBy(details, child);
	}

	private List<ChildMatch> offered(CurrentUser me, ChildDetails details) {
		return children.likelyMatches(details, geography.unitsWithin(geography.provinceOf(me.jurisdiction())), OFFERED);
	}

	private boolean inReach(CurrentUser me, Child child) {
		return child.residence() != null
				&& authorization.decide(me, Action.VIEW_CHILD_RECORDS, ResourceScope.at(child.residence())).allowed();
	}

	private ShownMatch show(CurrentUser me, ChildDetails details, ChildMatch match) {
		Child child = match.child();
		Integer year = child.birthDate() == null ? null : child.birthDate().getYear();
		if (inReach(me, child) || ChildRegistry.confirmedBy(details, child)) {
			return new ShownMatch(child.reference().toString(), child.fullName(), false, year,
					child.residence() == null ? null : geography.get(child.residence()).fullName(), match.score(),
					match.reasons());
		}
		// outside the user's reach: what linking needs, and nothing a typed number
		// alone would reveal
		boolean nameAgrees = match.reasons().contains("child.match.name")
				|| match.reasons().contains("child.match.given-name");
		String province = child.residence() == null ? null
				: geography.get(geography.provinceOf(child.residence())).fullName();
		return new ShownMatch(null, nameAgrees ? initials(child.fullName()) : null, true, year,
				nameAgrees ? province : null, 0, List.of());
	}

	/** "Phạm Thị Thu" as "P… T… T…". */
	static String initials(String fullName) {
		if (fullName == null || fullName.isBlank()) {
			return "…";
		}
		return Arrays.stream(fullName.strip().split("\\s+"))
			.map(word -> word.substring(0, word.offsetByCodePoints(0, 1)) + "…")
			.collect(Collectors.joining(" "));
	}

}
