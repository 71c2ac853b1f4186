package vn.trean.referrals;

import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.audit.AuditLog;
import vn.trean.identity.AccessRefused;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;

/**
 * The one way a referral is read: decides the reader's side (the case's commune, or the
 * receiving agency), applies the agency sector's field set (as it stands at the reading),
 * shows nothing while no ground is in force, and logs the reading (an agency's also as a
 * disclosure: what it saw, on which channel, on which ground). Every page, print, export
 * and API answer of a referral goes through {@link #share}, with the agency's recorded
 * outcome (a health examination's findings only on the page).
 */
@Service
@Transactional
public class ReferralShare {

	/** Where a referral is read. */
	public enum Channel {

		PAGE, PRINT, EXPORT, API

	}

	private final ReferralChanges changes;

	private final ReferralEnvelopes envelopes;

	private final ReferralRepository referrals;

	private final ReferralSettings settings;

	private final SharingGrounds grounds;

	private final Authorization authorization;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final OutcomeStore outcomes;

	ReferralShare(ReferralChanges changes, ReferralEnvelopes envelopes, ReferralRepository referrals,
			ReferralSettings settings, SharingGrounds grounds, Authorization authorization, AuditLog audit,
			JdbcClient jdbc, OutcomeStore outcomes) {
		this.outcomes = outcomes;
		this.changes = changes;
		this.envelopes = envelopes;
		this.referrals = referrals;
		this.settings = settings;
		this.grounds = grounds;
		this.authorization = authorization;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/**
	 * The referral as the reader may see it; {@code requested} narrows the agency's share
	 * (empty: the whole share), and a field outside it is refused (logged), never
	 * returned.
	 */
	public SharedReferral share(Actor actor, ReferralId id, Channel channel, Set<ShareField> requested) {
		Referral r = changes.load(id);
		ReferralStep.Side side = sideOf(actor, r);
		Envelope envelope = envelopes.find(id).orElseThrow(() -> new UnknownReferral(id));
		Set<ShareField> allowed = allowed(side, r);
		Set<ShareField> outside = requested.stream().filter(f -> !allowed.contains(f)).collect(Collectors.toSet());
		if (!outside.isEmpty()) {
			throw new AccessRefused(side.action(), "referral.share.field-not-shared", "REFERRAL", id.toString(),
					outside.toString());
		}
		boolean suspended = r.status() != Referral.Status.DRAFT && grounds
			.inForce(r.address().caseId(), r.address().child(), r.address().purpose(), Referrals.today(changes.now()))
			.isEmpty();
		LinkedHashMap<ShareField, ShareValue> fields = new LinkedHashMap<>();
		if (!suspended && (side == ReferralStep.Side.SENDER || shown(r.status()))) {
			ReferralContent content = referrals.contentOf(id);
			for (ShareField f : ShareField.values()) {
				if (allowed.contains(f) && (requested.isEmpty() || requested.contains(f)) && content.get(f) != null) {
					fields.put(f, content.get(f));
				}
			}
		}
		logReading(actor, r, side, channel, fields.keySet());
		RecordedOutcome outcome = side == ReferralStep.Side.SENDER || shown(r.status())
				? outcomes.of(id, OutcomeKind.of(r.address().sector()), channel == Channel.PAGE) : null;
		return new SharedReferral(envelope, fields, suspended, side, outcome);
	}

	/**
	 * The side the actor reads for; refused (logged) when they read for neither. An
	 * agency's system (an API token) reads only for the agency side
	 * ({@link ReferralStep}).
	 */
	ReferralStep.Side sideOf(Actor actor, Referral r) {
		CurrentUser user = actor.client() == null ? actor.signedIn() : null;
		if (user != null
				&& authorization.decide(user, Action.VIEW_CASES, ResourceScope.at(r.address().unit())).allowed()) {
			return ReferralStep.Side.SENDER;
		}
		var agency = ReferralStep.Side.AGENCY.decide(authorization, actor, r);
		if (agency.allowed() && r.status() != Referral.Status.DRAFT) {
			return ReferralStep.Side.AGENCY;
		}
		if (agency.allowed()) {
			throw new UnknownReferral(r.id());
		}
		throw new AccessRefused(Action.ANSWER_REFERRALS, agency.reason(), "REFERRAL", r.id().toString(), null);
	}

	private Set<ShareField> allowed(ReferralStep.Side side, Referral r) {
		if (side == ReferralStep.Side.SENDER) {
			return EnumSet.allOf(ShareField.class);
		}
		FieldSets sets = settings.fieldSets();
		Set<ShareField> set = sets.of(r.address().sector());
		if (sets.reporterAllowed(r.address().sector())) {
			set.add(ShareField.REPORTER_IDENTITY);
		}
		return set;
	}

	/**
	 * An agency sees the fields while it has work on the referral, and its outcome after.
	 */
	private static boolean shown(Referral.Status status) {
		return status.open() || status == Referral.Status.COMPLETED;
	}

	private void logReading(Actor actor, Referral r, ReferralStep.Side side, Channel channel, Set<ShareField> seen) {
		audit.recordAccess(actor, "REFERRAL", r.id().toString(), side + " " + channel);
		if (side == ReferralStep.Side.AGENCY && !seen.isEmpty()) {
			jdbc.sql("""
					INSERT INTO referral_disclosure (referral_id, at, channel, viewer, fields, consent_id, basis_id)
					VALUES (:id, :at, :channel, :viewer, :fields, :consent, :basis)""")
				.param("id", r.id().value())
				.param("at", Timestamp.from(changes.now()))
				.param("channel", channel.name())
				.param("viewer", actor.name())
				.param("fields", seen.stream().map(Enum::name).collect(Collectors.joining(",")))
				.param("consent", r.consentId())
				.param("basis", r.basisId())
				.update();
		}
	}

}
