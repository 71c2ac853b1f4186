package vn.trean.children;

import java.util.List;

/**
 * A registered child that may be the one being entered: the score ranks candidates, the
 * reasons (message keys) tell the operator why.
 */
public record ChildMatch(Child child, int score, List<String> reasons) {

	public ChildMatch {
		reasons = List.copyOf(reasons);
	}

}
