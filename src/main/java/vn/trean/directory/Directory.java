package vn.trean.directory;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Accounts;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.AgencyLookup;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.VietnameseText;

/**
 * Registering and changing agencies, within the user's reach; also answers identity's
 * questions about agencies.
 */
@Service
@Transactional
public class Directory implements AgencyLookup {

	private final AgencyRepository agencies;

	private final Authorization authorization;

	private final Geography geography;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Accounts accounts;

	Directory(AgencyRepository agencies, Authorization authorization, Geography geography,
			ApplicationEventPublisher events, Clock clock, Accounts accounts) {
		this.accounts = accounts;
		this.agencies = agencies;
		this.authorization = authorization;
		this.geography = geography;
		this.events = events;
		this.clock = clock;
	}

	/** What a user enters about an agency. */
	public record AgencyDetails(String name, Sector sector, UnitId unit, String address, String phone, String email,
			String contactPerson) {
	}

	/**
	 * The rules for agency details that the form's own checks cannot make: a sector and a
	 * unit are given, and the unit exists today. Errors are keyed by form field.
	 */
	public FormErrors check(AgencyDetails details) {
		FormErrors errors = new FormErrors();
		if (details.name() == null || details.name().isBlank()) {
			errors.reject("name", "validation.required");
		}
		if (details.sector() == null) {
			errors.reject("sector", "validation.required");
		}
		if (details.unit() == null) {
			errors.reject("unit", "validation.required");
		}
		else if (geography.find(details.unit()).filter(u -> u.current()).isEmpty()) {
			errors.reject("unit", "agency.unit.unknown");
		}
		return errors;
	}

	public AgencyId register(Actor by, AgencyDetails details) {
		CurrentUser actor = by.signedIn();
		authorization.require(actor, Action.MANAGE_AGENCIES, ResourceScope.at(details.unit()));
		requireValid(details);
		long id = agencies.insert(toAgency(null, details, false), clock.instant());
		events.publishEvent(new AgencyEvents.AgencyRecorded(actor.username(), "AGENCY_REGISTERED", id,
				"sector=" + details.sector() + " unit=" + details.unit(), by.clientAddress(), clock.instant()));
		return new AgencyId(id);
	}

	/** Registers a demo agency, labelled as such; never reachable from a request. */
	public AgencyId registerDemo(AgencyDetails details) {
		requireValid(details);
		long id = agencies.insert(toAgency(null, details, true), clock.instant());
		events.publishEvent(
				new AgencyEvents.AgencyRecorded("system", "DEMO_AGENCY_REGISTERED", id, null, null, clock.instant()));
		return new AgencyId(id);
	}

	public void change(Actor by, AgencyId id, AgencyDetails details) {
		CurrentUser actor = by.signedIn();
		Agency before = agencies.find(id).orElseThrow(() -> new UnknownAgency(id));
		authorization.require(actor, Action.MANAGE_AGENCIES, ResourceScope.at(before.unit()).ownedBy(id));
		authorization.require(actor, Action.MANAGE_AGENCIES, ResourceScope.at(details.unit()).ownedBy(id));
		requireValid(details);
		agencies.update(toAgency(id, details, before.demo()), clock.instant());
		events.publishEvent(new AgencyEvents.AgencyRecorded(actor.username(), "AGENCY_CHANGED", id.value(),
				before.unit().equals(details.unit()) ? null : "unit " + before.unit() + " -> " + details.unit(),
				by.clientAddress(), clock.instant()));
	}

	/**
	 * Names the agency's head, the person its referrals' clocks escalate to after its
	 * focal points: an enabled account attached to the agency, or none ({@code null}).
	 */
	public void appointHead(Actor by, AgencyId id, @Nullable Long head) {
		CurrentUser actor = by.signedIn();
		Agency agency = agencies.find(id).orElseThrow(() -> new UnknownAgency(id));
		authorization.require(actor, Action.MANAGE_AGENCIES, ResourceScope.at(agency.unit()).ownedBy(id));
		if (head != null && !accounts.membersOf(id).containsKey(head)) {
			throw new InvalidAgency(new FormErrors().reject("head", "agency.head.not-member"));
		}
		agencies.updateHead(id, head, clock.instant());
		events.publishEvent(new AgencyEvents.AgencyRecorded(actor.username(), "AGENCY_HEAD_APPOINTED", id.value(),
				head == null ? "none" : "user " + head, by.clientAddress(), clock.instant()));
	}

	/** The agency's head, if one is named. */
	@Transactional(readOnly = true)
	public Optional<Long> headOf(AgencyId id) {
		return agencies.findHead(id);
	}

	/**
	 * The enabled accounts attached to the agency, by id, in name order: who may head it.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> membersOf(AgencyId id) {
		return accounts.membersOf(id);
	}

	@Transactional(readOnly = true)
	public Agency get(CurrentUser actor, AgencyId id) {
		Agency agency = agencies.find(id).orElseThrow(() -> new UnknownAgency(id));
		authorization.require(actor, Action.VIEW_AGENCIES, ResourceScope.at(agency.unit()).ownedBy(id));
		return agency;
	}

	@Transactional(readOnly = true)
	public boolean mayChange(CurrentUser actor, Agency agency) {
		return authorization.decide(actor, Action.MANAGE_AGENCIES, ResourceScope.at(agency.unit()).ownedBy(agency.id()))
			.allowed();
	}

	/** Agencies the user may see, optionally of one sector or matching a name. */
	@Transactional(readOnly = true)
	public List<Agency> search(CurrentUser actor, Sector sector, String query) {
		authorization.requireSomewhere(actor, Action.VIEW_AGENCIES);
		Collection<UnitId> units = authorization.reachesAnywhere(actor, Action.VIEW_AGENCIES)
				? geography.unitsWithin(geography.provinceOf(actor.jurisdiction()))
				: authorization.unitsInReach(actor, Action.VIEW_AGENCIES);
		return agencies.findIn(units, sector, query);
	}

	/**
	 * The agency with its sector, for a module that decides itself who may see it (a
	 * referral names the agency it is sent to).
	 */
	@Transactional(readOnly = true)
	public Optional<Agency> agency(AgencyId id) {
		return agencies.find(id);
	}

	/**
	 * The agencies located in these units with their sectors, in name order (at most
	 * 500).
	 */
	@Transactional(readOnly = true)
	public List<Agency> agenciesIn(Collection<UnitId> units) {
		return agencies.findIn(units, null, null);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AgencySummary> find(AgencyId id) {
		return agencies.find(id).map(a -> new AgencySummary(a.id(), a.name(), a.unit()));
	}

	@Override
	@Transactional(readOnly = true)
	public List<AgencySummary> locatedIn(Collection<UnitId> units) {
		return agencies.findIn(units, null, null)
			.stream()
			.map(a -> new AgencySummary(a.id(), a.name(), a.unit()))
			.toList();
	}

	private void requireValid(AgencyDetails details) {
		FormErrors errors = check(details);
		if (errors.hasErrors()) {
			throw new InvalidAgency(errors);
		}
	}

	private static Agency toAgency(AgencyId id, AgencyDetails d, boolean demo) {
		return new Agency(id, VietnameseText.normalize(d.name()), d.sector(), d.unit(), blank(d.address()),
				blank(d.phone()), blank(d.email()), blank(VietnameseText.normalize(d.contactPerson())), demo);
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : VietnameseText.normalize(text);
	}

}
