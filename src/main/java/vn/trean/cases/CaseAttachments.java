package vn.trean.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.audit.AuditLog;
import vn.trean.identity.Actor;
import vn.trean.shared.AttachmentBox;
import vn.trean.shared.AttachmentFileName;
import vn.trean.shared.AttachmentPolicy;
import vn.trean.shared.AttachmentType;
import vn.trean.shared.FormErrors;
import vn.trean.shared.Verdict;

/**
 * Files attached to a case: PDF and pictures that the {@link AttachmentPolicy} accepts
 * from their content, stored encrypted ({@link AttachmentBox}) in the same transaction as
 * the {@link CaseStep#ADD_ATTACHMENT} step that puts them on the timeline and moves the
 * case's version on. Reading one is reading the case: the same access check (with
 * break-glass), and an access entry naming the file.
 */
@Service
@Transactional
public class CaseAttachments {

	private final CaseManagement cases;

	private final CaseChanges changes;

	private final AttachmentBox box;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseAttachments(CaseManagement cases, CaseChanges changes, AttachmentBox box, AuditLog audit, JdbcClient jdbc,
			Clock clock) {
		this.cases = cases;
		this.changes = changes;
		this.box = box;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A decrypted attachment, ready to be sent as a download. */
	public record Download(AttachmentFileName fileName, AttachmentType type, byte[] content) {
	}

	/**
	 * Attaches a file to the case as a step of its own: refused with field errors when
	 * the content is not an accepted type or too large, and with
	 * {@link CaseEditedConcurrently} when the case changed since {@code version}. Nothing
	 * is saved when refused.
	 */
	public AttachmentId attach(Actor actor, CaseId id, int version, AttachmentPolicy.Upload upload,
			NoteVisibility visibility) {
		AttachmentPolicy.Accepted file = accepted(upload, visibility);
		byte[] content = file.content();
		AttachmentType type = file.type();
		AttachmentFileName name = file.fileName();
		AttachmentId attachment = new AttachmentId(UUID.randomUUID());
		long by = actor.signedIn().id();
		changes.change(actor, id, version, CaseStep.ADD_ATTACHMENT, (c, doer) -> {
			c.addAttachment(doer, name.value(), visibility, attachment.toString());
			AttachmentBox.Sealed sealed = box.seal(content, associatedData(id, attachment));
			jdbc.sql("""
					INSERT INTO case_attachment (id, case_id, file_name, media_type, size_bytes, sha256, nonce,
					  ciphertext, visibility, uploaded_by, uploaded_at)
					VALUES (:id, :case, :name, :type, :size, :sha256, :nonce, :ciphertext, :visibility, :by, :at)""")
				.param("id", attachment.value())
				.param("case", id.value())
				.param("name", name.value())
				.param("type", type.mediaType())
				.param("size", content.length)
				.param("sha256", file.sha256())
				.param("nonce", sealed.nonce())
				.param("ciphertext", sealed.ciphertext())
				.param("visibility", visibility.name())
				.param("by", by)
				.param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
				.update();
		});
		return attachment;
	}

	/** The type of an upload the policy accepts, or the reasons it is refused. */
	private static AttachmentPolicy.Accepted accepted(AttachmentPolicy.Upload upload, NoteVisibility visibility) {
		FormErrors errors = new FormErrors();
		Verdict<AttachmentPolicy.Accepted> verdict = AttachmentPolicy.assessUpload(upload);
		verdict.errors().asMap().forEach(errors::reject);
		if (visibility == null) {
			errors.reject("visibility", "validation.required");
		}
		InvalidCaseInput.check(errors);
		return verdict.value();
	}

	/**
	 * The attachments of a case the user opened, those visible to them, oldest first. The
	 * view is proof the user may read the case.
	 */
	@Transactional(readOnly = true)
	public List<CaseAttachment> listedIn(CaseView view) {
		return jdbc.sql("""
				SELECT id, file_name, media_type, size_bytes, visibility, uploaded_at FROM case_attachment
				WHERE case_id = :case AND visibility IN (:visible) ORDER BY uploaded_at, id""")
			.param("case", view.protectionCase().id().value())
			.param("visible", view.visibility().stream().map(Enum::name).toList())
			.query((rs, n) -> new CaseAttachment(new AttachmentId(rs.getObject("id", UUID.class)),
					new AttachmentFileName(rs.getString("file_name")),
					AttachmentType.ofMediaType(rs.getString("media_type")), rs.getInt("size_bytes"),
					NoteVisibility.valueOf(rs.getString("visibility")), rs.getTimestamp("uploaded_at").toInstant()))
			.list();
	}

	/**
	 * One attachment of a case, decrypted and checked against its tag and its SHA-256,
	 * for a user who may read the case (refused as reading the case is refused); an
	 * attachment of another case, or one hidden from the user, is unknown here. Writes an
	 * access entry naming the file.
	 */
	public Download download(Actor actor, CaseId id, AttachmentId attachment) {
		CaseView view = cases.open(actor, id);
		Stored stored = jdbc.sql("""
				SELECT file_name, media_type, sha256, nonce, ciphertext, visibility FROM case_attachment
				WHERE id = :id AND case_id = :case""")
			.param("id", attachment.value())
			.param("case", id.value())
			.query((rs, n) -> new Stored(new AttachmentFileName(rs.getString("file_name")),
					AttachmentType.ofMediaType(rs.getString("media_type")), rs.getBytes("sha256"),
					new AttachmentBox.Sealed(rs.getBytes("nonce"), rs.getBytes("ciphertext")),
					NoteVisibility.valueOf(rs.getString("visibility"))))
			.optional()
			.filter(s -> view.visibility().contains(s.visibility()))
			.orElseThrow(() -> new UnknownAttachment(id, attachment));
		byte[] content = box.open(stored.sealed(), associatedData(id, attachment));
		if (!MessageDigest.isEqual(sha256(content), stored.sha256())) {
			throw new IllegalStateException("Attachment " + attachment + " does not match its SHA-256");
		}
		audit.recordAccess(actor, "CASE_ATTACHMENT", attachment.toString(),
				(view.breakGlass() ? "BREAK_GLASS " : "") + "case " + id);
		return new Download(stored.fileName(), stored.type(), content);
	}

	private record Stored(AttachmentFileName fileName, AttachmentType type, byte[] sha256, AttachmentBox.Sealed sealed,
			NoteVisibility visibility) {
	}

	/** Ties a ciphertext to its attachment and case. */
	static byte[] associatedData(CaseId id, AttachmentId attachment) {
		return ("case_attachment:" + attachment + ":" + id).getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] sha256(byte[] content) {
		return AttachmentBox.sha256(content);
	}

}
