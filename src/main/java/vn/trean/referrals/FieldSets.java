package vn.trean.referrals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import vn.trean.directory.Sector;

/** What each sector's agencies see of a referral, as the settings stand. */
public record FieldSets(Map<Sector, Set<ShareField>> fields, Set<Sector> reporterAllowed) {

	/**
	 * The sector's set; never the reporter's identity, which is shared one referral at a
	 * time.
	 */
	public Set<ShareField> of(Sector sector) {
		Set<ShareField> set = fields.get(sector);
		EnumSet<ShareField> copy = set == null || set.isEmpty() ? EnumSet.noneOf(ShareField.class)
				: EnumSet.copyOf(set);
		copy.remove(ShareField.REPORTER_IDENTITY);
		return copy;
	}

	public boolean reporterAllowed(Sector sector) {
		return reporterAllowed.contains(sector);
	}

}
