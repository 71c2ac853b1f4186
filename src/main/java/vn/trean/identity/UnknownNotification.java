package vn.trean.identity;

import vn.trean.shared.UnknownRecord;

/** An address that names none of the user's notifications (or no id at all): a 404. */
class UnknownNotification extends UnknownRecord {

	UnknownNotification(String id) {
		super("No notification " + id + " of this user");
	}

}
