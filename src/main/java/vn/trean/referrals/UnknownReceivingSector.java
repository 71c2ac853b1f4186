package vn.trean.referrals;

import vn.trean.directory.Sector;
import vn.trean.shared.UnknownRecord;

/** A settings address naming a sector no referral is sent to: no such page. */
class UnknownReceivingSector extends UnknownRecord {

	UnknownReceivingSector(Sector sector) {
		super("no field set for the sector " + sector);
	}

}
