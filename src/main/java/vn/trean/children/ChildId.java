package vn.trean.children;

import java.io.Serializable;

/** Identity of a child in the registry. */
public record ChildId(long value) implements Serializable {

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
