package vn.trean.intake;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.UnitId;

/**
 * What a report told of the harm, for a referral of the case it is in to another agency:
 * the forms, setting, place, account, who is suspected and the danger signs. The
 * reporter's identity is separate ({@link Intake#reporterOf}), since it is shared only
 * when the officer chooses to.
 */
public record ReferralFacts(String referenceCode, Instant receivedAt, Set<HarmForm> harmForms,
		@Nullable Setting setting, @Nullable UnitId place, @Nullable String account,
		@Nullable Relation perpetratorRelation, boolean perpetratorLivesWithChild, boolean perpetratorCanReachChild,
		Set<DangerSign> dangerSigns) {

	/** The reporter as they gave themselves; null fields when they did not say. */
	public record Reporter(@Nullable String name, @Nullable String phone, @Nullable Relation relation) {
	}

}
