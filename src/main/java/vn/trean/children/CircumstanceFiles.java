package vn.trean.children;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.shared.AttachmentBox;
import vn.trean.shared.AttachmentFileName;
import vn.trean.shared.AttachmentPolicy;
import vn.trean.shared.AttachmentType;
import vn.trean.shared.FormErrors;
import vn.trean.shared.Verdict;

/**
 * The evidence files of special-circumstance entries: accepted by the same
 * {@link AttachmentPolicy} as a case's files and sealed in the same {@link AttachmentBox}
 * (one key, one re-encryption), the associated data naming the file and its entry. A file
 * is written once and never changed; the entry's versions name it. Reading one is reading
 * the child's circumstances: the page's access check, and an access entry naming the
 * file.
 */
@Component
class CircumstanceFiles {

	/**
	 * The audit target type of a file (its words:
	 * {@code audit.target.CIRCUMSTANCE_FILE}).
	 */
	static final String FILE_TARGET = "CIRCUMSTANCE_FILE";

	private final ChildAccess access;

	private final AttachmentBox box;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CircumstanceFiles(ChildAccess access, AttachmentBox box, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.access = access;
		this.box = box;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** A decrypted evidence file, ready to be sent as a download. */
	record Download(AttachmentFileName fileName, AttachmentType type, byte[] content) {
	}

	/**
	 * The upload as the policy accepts it, {@code null} when none was sent; a refusal is
	 * added to {@code errors} on the field {@code file}.
	 */
	AttachmentPolicy.@Nullable Accepted assess(AttachmentPolicy.@Nullable Upload upload, FormErrors errors) {
		if (upload == null) {
			return null;
		}
		Verdict<AttachmentPolicy.Accepted> verdict = AttachmentPolicy.assessUpload(upload);
		verdict.errors().asMap().forEach(errors::reject);
		return verdict.value();
	}

	/** Stores an accepted file for an entry, sealed; returns its id. */
	UUID store(long entry, AttachmentPolicy.Accepted file, long by, Instant at) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO circumstance_file (id, entry_id, file_name, media_type, size_bytes, sha256, ciphertext,
				  uploaded_by, uploaded_at)
				VALUES (:id, :entry, :name, :type, :size, :sha256, :ciphertext, :by, :at)""")
			.param("id", id)
			.param("entry", entry)
			.param("name", file.fileName().value())
			.param("type", file.type().mediaType())
			.param("size", file.content().length)
			.param("sha256", file.sha256())
			.param("ciphertext", box.seal(file.content(), associatedData(id, entry)).ciphertext())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
		return id;
	}

	/**
	 * An evidence file of one of the child's entries, decrypted and checked against its
	 * tag and SHA-256, for a user who may see her circumstances; a file of another
	 * child's entry is unknown here. Writes an access entry naming the file.
	 */
	@Transactional
	Download download(Actor actor, ChildReference reference, UUID file) {
		ChildAccess.Reached reached = access.reach(actor, reference, Action.VIEW_CHILD_RECORDS);
		record Stored(long entry, AttachmentFileName fileName, AttachmentType type, byte[] sha256, byte[] ciphertext) {
		}
		Stored stored = jdbc.sql("""
				SELECT f.entry_id, f.file_name, f.media_type, f.sha256, f.ciphertext FROM circumstance_file f
				JOIN circumstance_entry e ON e.id = f.entry_id WHERE f.id = :id AND e.child_id = :child""")
			.param("id", file)
			.param("child", reached.child().id().value())
			.query((rs, n) -> new Stored(rs.getLong("entry_id"), new AttachmentFileName(rs.getString("file_name")),
					AttachmentType.ofMediaType(rs.getString("media_type")), rs.getBytes("sha256"),
					rs.getBytes("ciphertext")))
			.optional()
			.orElseThrow(() -> new UnknownChild("evidence file " + file));
		byte[] content = box.open(new AttachmentBox.Sealed(null, stored.ciphertext()),
				associatedData(file, stored.entry()));
		if (!MessageDigest.isEqual(AttachmentBox.sha256(content), stored.sha256())) {
			throw new IllegalStateException("Evidence file " + file + " does not match its SHA-256");
		}
		events.publishEvent(new CircumstanceAudit(actor.name(), "RECORD_VIEWED", FILE_TARGET, file.toString(),
				actor.clientAddress(), "child " + reached.child().id() + " entry " + stored.entry(), clock.instant()));
		return new Download(stored.fileName(), stored.type(), content);
	}

	/** Ties a ciphertext to its file and entry. */
	static byte[] associatedData(UUID file, long entry) {
		return ("circumstance_file:" + file + ":" + entry).getBytes(StandardCharsets.US_ASCII);
	}

}
