package vn.trean.intake;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.trean.identity.CurrentUser;

/**
 * What the module that opens cases from reports tells the lists of reports about those
 * cases, so that intake shows and narrows by a case's progress without reading the case
 * tables: the progress of each case, the cases at a step or with an officer, and what a
 * list may be narrowed to. Its one implementation lives with the cases; without one (a
 * test of intake alone) the lists show no progress and offer no such filter.
 */
public interface CaseProgressSource {

	/**
	 * The progress of each of the cases the viewer may see, by case id; an id it does not
	 * know, or of a case the viewer may not see, is left out.
	 */
	Map<UUID, CaseProgress> progress(CurrentUser viewer, Collection<UUID> caseIds);

	/**
	 * The open cases the viewer may see whose next clock is the step (when given) and
	 * whose assigned officer is the officer (when given).
	 */
	Set<UUID> openCases(CurrentUser viewer, @Nullable String step, @Nullable Long officer);

	/** The names of the steps a case's clock may run for, in the order of the law. */
	List<String> steps();

	/**
	 * The officers a list of the user's may be narrowed to, by id, in name order; none
	 * for a user who may not see cases.
	 */
	Map<Long, String> officers(CurrentUser user);

}
