package vn.trean.cases;

import java.time.Instant;

/**
 * A stored version of an official form: which, in which plan cycle, which version there,
 * the data, who and when.
 */
public record StoredForm<T>(CaseForm form, int cycle, int version, T data, long recordedBy, Instant recordedAt) {
}
