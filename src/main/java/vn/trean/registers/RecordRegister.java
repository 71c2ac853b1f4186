package vn.trean.registers;

import vn.trean.identity.Actor;

/**
 * What the pages of a register of plain records ({@link RecordPages}) ask of its service:
 * a page of its list, a record the user may change, the entry its edit form starts from,
 * and adding, correcting and deleting.
 *
 * @param <I> the record's id
 * @param <R> the record
 * @param <E> the entry its form submits
 */
interface RecordRegister<I, R extends RegisterRecord, E> {

	Listing<R> listing(Actor actor, int page);

	/** A record the user may correct or delete: 404 when unknown, 403 when not theirs. */
	R record(Actor actor, I id);

	/** The record as its edit form shows it. */
	E entry(R record);

	long add(Actor actor, E entry);

	void change(Actor actor, I id, String version, E entry);

	Removal removal(Actor actor, I id);

	void delete(Actor actor, I id, String version);

}
