package vn.trean.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.trean.audit.AuditLog;
import vn.trean.children.Child;
import vn.trean.children.ChildDetails;
import vn.trean.children.ChildMatch;
import vn.trean.children.ChildRegistry;
import vn.trean.geography.Geography;
import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;

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
	List<ShownMatch> shownTo(CurrentUser me, ChildDetails details, String clientAddress) {
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
			audit.recordAccess(vn.trean.identity.Actor.of(me, clientAddress), "CHILD", match.child().id().toString(),
					seen.masked() ? "shown masked as a possible duplicate" : "shown as a possible duplicate");
		}
		boolean byNumber = details.personalId() != null && !details.personalId().isBlank();
		audit.recordAccess(vn.trean.identity.Actor.of(me, clientAddress), "CHILD_MATCHES", "-",
				"lookup" + (byNumber ? " with a number" : "") + ": " + shown.size() + " shown, "
						+ shown.stream().filter(ShownMatch::masked).count() + " masked");
		return shown;
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
