package vn.trean.statistics;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.shared.FormErrors;

/**
 * The DHIS2 code mapping, kept by the administrators who manage the connections to other
 * systems ({@link Action#MANAGE_API_TOKENS}): shown as a list, and imported from a CSV
 * file of lines {@code kind,table,code,uid} (a header line {@code kind,…} is skipped). A
 * file is taken whole or not at all: one invalid line refuses it with nothing changed.
 */
@Service
class Dhis2MappingImport {

	static final String FIELD = "file";

	/** The largest file taken in: far more lines than the tables have codes. */
	static final int MAX_BYTES = 512 * 1024;

	private static final Pattern UID = Pattern.compile("[A-Za-z][A-Za-z0-9]{10}");

	private static final int MAX_CODE = 100;

	private final Dhis2MappingRepository mapping;

	private final Authorization authorization;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Dhis2MappingImport(Dhis2MappingRepository mapping, Authorization authorization, ApplicationEventPublisher events,
			Clock clock) {
		this.mapping = mapping;
		this.authorization = authorization;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Dhis2MappingRepository.Entry> entries(CurrentUser me) {
		authorization.requireSomewhere(me, Action.MANAGE_API_TOKENS);
		return mapping.entries();
	}

	/** Saves every line of the file (a known code gets its new UID); answers how many. */
	@Transactional
	public int importFile(Actor actor, byte[] file) {
		authorization.requireSomewhere(actor.signedIn(), Action.MANAGE_API_TOKENS);
		if (file.length == 0 || file.length > MAX_BYTES) {
			throw refused("statistics-exports.mapping.empty");
		}
		List<Dhis2MappingRepository.Entry> entries = read(new String(file, StandardCharsets.UTF_8));
		if (entries.isEmpty()) {
			throw refused("statistics-exports.mapping.empty");
		}
		entries.forEach(e -> mapping.save(e, actor.name(), clock.instant()));
		events.publishEvent(
				new Dhis2MappingImported(actor.name(), entries.size(), actor.clientAddress(), clock.instant()));
		return entries.size();
	}

	static List<Dhis2MappingRepository.Entry> read(String text) {
		String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
		List<Dhis2MappingRepository.Entry> entries = new ArrayList<>();
		try {
			for (CSVRecord line : CSVFormat.DEFAULT.parse(new StringReader(body))) {
				if (line.getRecordNumber() == 1 && line.get(0).strip().equalsIgnoreCase("kind")) {
					continue;
				}
				if (line.size() == 1 && line.get(0).isBlank()) {
					continue;
				}
				entries.add(entry(line).orElseThrow(() -> refused("statistics-exports.mapping.invalid")));
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw refused("statistics-exports.mapping.invalid");
		}
		return entries;
	}

	private static Optional<Dhis2MappingRepository.Entry> entry(CSVRecord line) {
		if (line.size() != 4) {
			return Optional.empty();
		}
		String kind = line.get(0).strip().toUpperCase(Locale.ROOT);
		String table = line.get(1).strip();
		String code = line.get(2).strip();
		String uid = line.get(3).strip();
		Optional<Dhis2Mapping.Kind> known = java.util.Arrays.stream(Dhis2Mapping.Kind.values())
			.filter(k -> k.name().equals(kind))
			.findFirst();
		boolean tableFits = known.isPresent() && (known.get() == Dhis2Mapping.Kind.DATA_ELEMENT
				? TableKind.ofCode(table).isPresent() : table.isEmpty());
		if (!tableFits || code.isEmpty() || code.length() > MAX_CODE || FormErrors.hasControlCharacter(code)
				|| !UID.matcher(uid).matches()) {
			return Optional.empty();
		}
		return Optional.of(new Dhis2MappingRepository.Entry(known.get(), table, code, uid));
	}

	private static InvalidStatisticsExport refused(String key) {
		return new InvalidStatisticsExport(new FormErrors().reject(FIELD, key));
	}

}
