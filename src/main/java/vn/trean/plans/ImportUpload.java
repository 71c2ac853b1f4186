package vn.trean.plans;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.InputStreamSource;
import org.springframework.util.unit.DataSize;

/**
 * A file as uploaded to the plan import; name and type are what the browser claims, and
 * its content is read only up to the import's limit.
 */
record ImportUpload(String fileName, String contentType, long size, InputStreamSource content) {

	/** No file was sent. */
	static final ImportUpload NONE = new ImportUpload(null, null, 0, null);

	/**
	 * The file's bytes; refused when none was sent, it is not sent as a CSV file, or it
	 * is larger than {@code max}.
	 */
	byte[] bytes(DataSize max) {
		if (fileName == null || fileName.isBlank()) {
			throw new ImportRefused(ImportProblem.file("plans.import.file.missing", null));
		}
		if (!CsvTable.acceptsType(fileName, contentType)) {
			throw new ImportRefused(ImportProblem.file("plans.import.file.type", null));
		}
		ImportRefused tooLarge = new ImportRefused(
				ImportProblem.file("plans.import.file.too-large", Long.toString(max.toKilobytes())));
		if (size > max.toBytes()) {
			throw tooLarge;
		}
		try (InputStream in = content.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(max.toBytes() + 1, Integer.MAX_VALUE - 8));
			if (bytes.length > max.toBytes()) {
				throw tooLarge;
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new ImportRefused(ImportProblem.file("plans.import.file.unreadable", null));
		}
	}

	/** The file name as the audit log may keep it: no control characters, bounded. */
	String printableName() {
		String name = fileName.replaceAll("[\\p{Cntrl}\\s]+", "_");
		return name.length() > 80 ? name.substring(0, 80) : name;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
