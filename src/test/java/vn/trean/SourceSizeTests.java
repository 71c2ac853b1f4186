package vn.trean;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.nodeTypes.NodeWithRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classes a newcomer can read in one sitting: a source file of at most
 * {@value #FILE_LINES} lines, a method or constructor of at most {@value #METHOD_LINES}
 * lines (from its first annotation to its closing brace). A longer one says why in its
 * own comment, with the words {@value #REASON}; the SQL of one table or a printed form's
 * fixed layout are such reasons, "it grew" is not.
 */
class SourceSizeTests {

	static final int FILE_LINES = 260;

	static final int METHOD_LINES = 35;

	static final String REASON = "Kept whole:";

	@Test
	void everySourceFileAndMethodIsShortOrSaysWhyNot() throws IOException {
		assertThat(tooLong()).as("split these or say why with \"%s\" in their comment", REASON).isEmpty();
	}

	static Set<String> tooLong() throws IOException {
		StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
		Set<String> found = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				found.addAll(tooLongIn(file));
			}
		}
		return found;
	}

	private static List<String> tooLongIn(Path file) throws IOException {
		List<String> found = new ArrayList<>();
		CompilationUnit unit = StaticJavaParser.parse(file);
		String name = unit.getPrimaryTypeName().orElse(file.getFileName().toString());
		String owner = unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("") + name;
		long lines = Files.readAllLines(file).size();
		boolean fileExplained = unit.getPrimaryType().map(SourceSizeTests::explained).orElse(false);
		if (lines > FILE_LINES && !fileExplained) {
			found.add(owner);
		}
		for (CallableDeclaration<?> callable : unit.findAll(CallableDeclaration.class)) {
			if (length(callable) > METHOD_LINES && !explained(callable)) {
				found.add(owner + "." + callable.getNameAsString());
			}
		}
		return found;
	}

	private static int length(NodeWithRange<?> node) {
		return node.getRange().map(range -> range.end.line - range.begin.line + 1).orElse(0);
	}

	private static boolean explained(com.github.javaparser.ast.Node node) {
		Optional<Comment> comment = node.getComment();
		if (comment.isPresent() && comment.get().getContent().contains(REASON)) {
			return true;
		}
		return node.getAllContainedComments().stream().anyMatch(c -> c.getContent().contains(REASON))
				&& !(node instanceof TypeDeclaration<?>);
	}

}
