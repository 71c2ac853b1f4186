package vn.trean.cases;

import java.time.Instant;

/** A stored version of an official form: which, which version, the data, who and when. */
public record StoredForm<T>(CaseForm form, int version, T data, long recordedBy, Instant recordedAt) {
}
