package vn.trean.children;

import vn.trean.shared.ChangedMeanwhile;

/** An entry or a support was corrected by someone else since the page was read. */
class CircumstanceChangedMeanwhile extends ChangedMeanwhile {

	CircumstanceChangedMeanwhile(String what) {
		super("circumstance.changed-meanwhile", what);
	}

}
