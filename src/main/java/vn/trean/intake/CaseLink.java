package vn.trean.intake;

import java.util.UUID;

/**
 * The case a report went into, as intake heard of it from the case work: its id (the
 * address of its page) and its reference code.
 */
public record CaseLink(UUID id, String code) {
}
