package vn.trean.referrals;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import vn.trean.cases.DeadlineRules;
import vn.trean.directory.Sector;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.FormErrors;
import vn.trean.shared.Refusal;

/**
 * Reads and changes the referral settings: the service catalogue and each sector's field
 * set. The answer is cached per instance and reloaded whenever the revision stored beside
 * the settings has moved, so a change made on one instance is seen by all at the next
 * reading. Changes are made by system administrators at their jurisdiction (the settings
 * are the whole installation's), validated, and audited with the settings before and
 * after.
 */
@Service
public class ReferralSettings {

	private final ReferralSettingsStore store;

	private final Authorization authorization;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SpringValidatorAdapter validator;

	private volatile Snapshot cached = new Snapshot(Long.MIN_VALUE, null, null);

	ReferralSettings(ReferralSettingsStore store, Authorization authorization, ApplicationEventPublisher events,
			Clock clock, Validator validator) {
		this.store = store;
		this.authorization = authorization;
		this.events = events;
		this.clock = clock;
		this.validator = new SpringValidatorAdapter(validator);
	}

	private record Snapshot(long revision, Catalogue catalogue, FieldSets fieldSets) {
	}

	/** The service catalogue as it stands now. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Catalogue catalogue() {
		return current().catalogue();
	}

	/** The field sets as they stand now. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public FieldSets fieldSets() {
		return current().fieldSets();
	}

	/**
	 * Changes a service of the catalogue; nothing is saved if the change breaks a rule.
	 */
	@Transactional
	public void changeService(Actor actor, ReferralService service, ServiceChange change) {
		CurrentUser admin = requireMayManage(actor);
		FormErrors errors = validated(change);
		if (!errors.has("sectors") && !FieldSets.RECEIVING.containsAll(change.sectors())) {
			errors.reject("sectors", "referral.settings.sector-not-receiving");
		}
		InvalidReferralSetting.check(errors);
		store.moveRevision();
		ServiceRule before = store.catalogue().of(service);
		Instant now = clock.instant();
		store.updateService(service, change, admin.id(), now);
		ServiceRule after = store.catalogue().of(service);
		events.publishEvent(new ReferralSettingsAudit(actor.name(), "REFERRAL_SERVICE_CHANGED", service.name(),
				actor.clientAddress(), "before: " + describe(before) + "; after: " + describe(after), now));
		events.publishEvent(new ReferralSettingsChanged(ReferralSettingsChanged.What.SERVICE, service.name(), now));
	}

	/**
	 * Replaces a sector's field set and its reporter option; nothing is saved if the set
	 * breaks a rule.
	 */
	@Transactional
	public void changeFieldSet(Actor actor, Sector sector, Set<ShareField> fields, boolean reporterOnExplicitShare) {
		CurrentUser admin = requireMayManage(actor);
		InvalidReferralSetting.check(checkFieldSet(sector, fields));
		store.moveRevision();
		FieldSets before = store.fieldSets();
		Instant now = clock.instant();
		store.replaceFieldSet(sector, fields, reporterOnExplicitShare, admin.id(), now);
		FieldSets after = store.fieldSets();
		events.publishEvent(new ReferralSettingsAudit(actor.name(), "REFERRAL_FIELD_SET_CHANGED", sector.name(),
				actor.clientAddress(), "before: " + describe(before, sector) + "; after: " + describe(after, sector),
				now));
		events.publishEvent(new ReferralSettingsChanged(ReferralSettingsChanged.What.FIELD_SET, sector.name(), now));
	}

	/**
	 * The rules of a field set: a sector a referral can go to, at least one field, and
	 * the reporter never a field (it is the sector's option). Errors keyed by form field.
	 */
	static FormErrors checkFieldSet(Sector sector, Set<ShareField> fields) {
		FormErrors errors = new FormErrors();
		if (!FieldSets.RECEIVING.contains(sector)) {
			errors.reject("sector", "referral.settings.sector-not-receiving");
		}
		if (fields.contains(ShareField.REPORTER_IDENTITY)) {
			errors.reject("fields", "referral.settings.reporter-not-a-field");
		}
		else if (fields.isEmpty()) {
			errors.reject("fields", "referral.settings.fields-required");
		}
		return errors;
	}

	/** The services no administrator has confirmed or changed since they were seeded. */
	@Transactional(readOnly = true)
	Set<ReferralService> servicesAsSeeded() {
		return store.servicesAsSeeded();
	}

	/** The sectors whose field set no administrator has saved since it was seeded. */
	@Transactional(readOnly = true)
	Set<Sector> fieldSetsAsSeeded() {
		return store.fieldSetsAsSeeded();
	}

	/**
	 * The system administrators' permission, decided at their own jurisdiction: the
	 * settings are national, so the role alone decides.
	 */
	CurrentUser requireMayManage(Actor actor) {
		CurrentUser admin = actor.signedIn();
		authorization.require(admin, Action.MANAGE_REFERRAL_SETTINGS, ResourceScope.at(admin.jurisdiction()));
		return admin;
	}

	private Snapshot current() {
		// the revision is read first: an edit committed in between costs one reload,
		// never
		// a stale answer (as directory/WorkingCalendar)
		long revision = store.revision();
		Snapshot snapshot = cached;
		if (snapshot.revision() == revision) {
			return snapshot;
		}
		Snapshot loaded = new Snapshot(revision, store.catalogue(), store.fieldSets());
		cached = loaded;
		return loaded;
	}

	/** The command's own rules (its Bean Validation), for callers other than a page. */
	private FormErrors validated(ServiceChange change) {
		DirectFieldBindingResult result = new DirectFieldBindingResult(change, "change");
		validator.validate(change, result);
		return Refusal.errorsOf(result);
	}

	private static String describe(ServiceRule rule) {
		return rule.purpose() + ", respond " + describe(rule.response()) + ", complete " + describe(rule.completion())
				+ ", " + (rule.active() ? "active" : "inactive") + ", sectors " + names(rule.sectors());
	}

	private static String describe(DeadlineRules.Rule rule) {
		return rule.amount() + " " + rule.unit();
	}

	private static String describe(FieldSets sets, Sector sector) {
		return names(sets.of(sector)) + ", reporter " + (sets.reporterAllowed(sector) ? "allowed" : "not allowed");
	}

	private static String names(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).collect(Collectors.joining(",", "[", "]"));
	}

}
