package vn.trean.geography;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static vn.trean.geography.ReferenceCsv.lineOf;

/**
 * Imports the administrative-unit reference files (src/main/resources/admin-units, MIT).
 * Each file is imported whole in one transaction or not at all: a malformed row aborts
 * the file with an error naming the file and line. Imported files are recorded so each is
 * imported once, also when several instances start together (an advisory lock serialises
 * them).
 */
@Component
class ReferenceDataImport {

	/** The reference files, in the order their rows depend on each other. */
	enum ReferenceFile {

		PROVINCES_2025("provinces_2025.csv"), OLD_DISTRICTS("can_tho_old_districts.csv"),
		OLD_COMMUNES("can_tho_old_communes.csv"), COMMUNES_2025("can_tho_communes_2025.csv"),
		OLD_TO_NEW_2025("can_tho_old_to_new_2025.csv");

		final String fileName;

		ReferenceFile(String fileName) {
			this.fileName = fileName;
		}

	}

	private static final Logger log = LoggerFactory.getLogger(ReferenceDataImport.class);

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AdministrativeUnitRepository units;

	private final ProvinceHistories histories;

	private final ReferenceImportRows rows;

	private final ReferenceFileRows fileRows;

	ReferenceDataImport(ReferenceImportRows rows, TransactionTemplate transactions, Clock clock,
			AdministrativeUnitRepository units, ProvinceHistories histories) {
		this.transactions = transactions;
		this.clock = clock;
		this.units = units;
		this.histories = histories;
		this.rows = rows;
		this.fileRows = new ReferenceFileRows(rows);
	}

	/**
	 * Imports one file unless a file of that name was imported before.
	 * @return the number of rows imported, 0 when it had been imported already
	 */
	int importFile(ReferenceFile kind, String fileName, Resource resource) {
		byte[] content = content(fileName, resource);
		String sha256 = sha256(content);
		Integer imported = transactions.execute(status -> importOnce(kind, fileName, content, sha256));
		if (imported != null && imported > 0) {
			units.forgetSubtrees();
			histories.forget();
			log.info("Imported {} rows of reference file {}", imported, fileName);
		}
		return imported == null ? 0 : imported;
	}

	private static byte[] content(String fileName, Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new MalformedReferenceFile(fileName, 0, "cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * Imports the file's rows and records the import, inside the caller's transaction and
	 * under the import's advisory lock; 0 when a file of that name was imported before.
	 */
	private int importOnce(ReferenceFile kind, String fileName, byte[] content, String sha256) {
		rows.lockImports();
		Optional<String> previous = rows.importedSha256(fileName);
		if (previous.isPresent()) {
			if (!previous.get().equals(sha256)) {
				log.warn("Reference file {} changed since it was imported; the stored units are kept", fileName);
			}
			return 0;
		}
		List<CSVRecord> records = ReferenceCsv.parse(fileName, content);
		eachRow(fileName, records, fileRows.importer(kind));
		if (kind == ReferenceFile.OLD_COMMUNES) {
			eachRow(fileName, records, fileRows::linkRetirement);
		}
		rows.recordImport(fileName, sha256, records.size(), clock.instant());
		return records.size();
	}

	private void eachRow(String fileName, List<CSVRecord> records, Consumer<CSVRecord> importer) {
		for (CSVRecord row : records) {
			try {
				importer.accept(row);
			}
			catch (MalformedReferenceFile ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				throw new MalformedReferenceFile(fileName, lineOf(row), describe(ex));
			}
		}
	}

	private static String describe(RuntimeException ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
