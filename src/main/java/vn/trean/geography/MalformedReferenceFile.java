package vn.trean.geography;

/**
 * A reference file has a row that cannot be imported; nothing of that file was imported.
 */
public class MalformedReferenceFile extends RuntimeException {

	private final String fileName;

	private final long line;

	MalformedReferenceFile(String fileName, long line, String reason) {
		super(fileName + ", line " + line + ": " + reason);
		this.fileName = fileName;
		this.line = line;
	}

	public String fileName() {
		return fileName;
	}

	public long line() {
		return line;
	}

}
