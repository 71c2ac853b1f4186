package vn.trean.cases;

/** The three-step rating of the official assessment forms (Cao / Trung bình / Thấp). */
public enum Rating {

	HIGH, MEDIUM, LOW

}
