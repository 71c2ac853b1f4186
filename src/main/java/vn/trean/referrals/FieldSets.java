package vn.trean.referrals;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import vn.trean.directory.Sector;

/**
 * What each sector's agencies see of a referral: its field set, and whether the
 * reporter's identity may be shared with it at all (then only when the officer shares it
 * on one referral). The reporter is never a field of a set.
 */
public record FieldSets(Map<Sector, Set<ShareField>> fields, Set<Sector> reporterAllowed) {

	/** The sectors a referral may be sent to: every sector but the senders'. */
	public static final Set<Sector> RECEIVING = Collections.unmodifiableSet(EnumSet
		.complementOf(EnumSet.of(Sector.CHILD_PROTECTION_AUTHORITY, Sector.COMMUNE_PEOPLES_COMMITTEE, Sector.HOTLINE)));

	public FieldSets {
		Map<Sector, Set<ShareField>> copy = new EnumMap<>(Sector.class);
		fields.forEach((sector, set) -> {
			if (set.contains(ShareField.REPORTER_IDENTITY)) {
				throw new IllegalArgumentException("The reporter is in no field set: " + sector);
			}
			copy.put(sector, Collections
				.unmodifiableSet(set.isEmpty() ? EnumSet.noneOf(ShareField.class) : EnumSet.copyOf(set)));
		});
		fields = Collections.unmodifiableMap(copy);
		reporterAllowed = Collections.unmodifiableSet(
				reporterAllowed.isEmpty() ? EnumSet.noneOf(Sector.class) : EnumSet.copyOf(reporterAllowed));
	}

	/** The fields the sector's agencies see, in display order; empty if none. */
	public Set<ShareField> of(Sector sector) {
		Set<ShareField> set = fields.get(sector);
		return set == null || set.isEmpty() ? EnumSet.noneOf(ShareField.class) : EnumSet.copyOf(set);
	}

	/** Whether the reporter's identity may be shared, explicitly, with the sector. */
	public boolean reporterAllowed(Sector sector) {
		return reporterAllowed.contains(sector);
	}

}
