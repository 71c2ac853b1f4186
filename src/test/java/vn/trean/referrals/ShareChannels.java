package vn.trean.referrals;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import vn.trean.TestPdfs;
import vn.trean.TestUserAgent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A referral as one reader reads it on each channel: the page (the {@code dd[data-field]}
 * of its share), the printed referral (its words) and the agency's inbox as CSV (the
 * referral's row, by column header), and the API (the referral, and its item of the
 * agency's list).
 */
final class ShareChannels {

	/**
	 * What a channel showed: the fields it named, in its order ({@code null} for the
	 * print, whose fields are lines of text), and all its text.
	 */
	record Reading(String channel, Map<ShareField, String> fields, String text) {
	}

	private final Function<ShareField, String> label;

	/**
	 * @param label a field's label as the bundle words it in the reader's language
	 */
	ShareChannels(Function<ShareField, String> label) {
		this.label = label;
	}

	String label(ShareField field) {
		return label.apply(field);
	}

	Reading page(TestUserAgent agent, ReferralId id) {
		TestUserAgent.Response r = agent.get("/referrals/" + id);
		assertThat(r.status()).as("the referral's page").isEqualTo(200);
		Document page = Jsoup.parse(r.body());
		Map<ShareField, String> fields = new LinkedHashMap<>();
		page.select("dd[data-field]").forEach(dd -> fields.put(ShareField.valueOf(dd.attr("data-field")), dd.text()));
		return new Reading("page", fields, page.select("main").text());
	}

	Reading print(TestUserAgent agent, ReferralId id) {
		TestUserAgent.Download d = agent.download("/referrals/" + id + "/print");
		assertThat(d.status()).as("the printed referral").isEqualTo(200);
		assertThat(d.contentType()).startsWith("application/pdf");
		return new Reading("print", null, TestPdfs.text(d.body()));
	}

	/**
	 * A referral as the API answered it: the JSON object at {@code path} of the answer
	 * (the referral, or the referral's item of the list); a field's text and words.
	 */
	Reading api(String channel, TestUserAgent.Response answer, String path) {
		assertThat(answer.status()).as(channel + " " + answer.body()).isEqualTo(200);
		Map<String, Map<String, Object>> json = JsonPath.read(answer.body(), path + ".fields");
		Map<ShareField, String> fields = new LinkedHashMap<>();
		json.forEach((name, value) -> {
			List<String> words = (List<String>) value.get("words");
			fields.put(ShareField.valueOf(name),
					Stream.concat(Stream.ofNullable((String) value.get("text")), words.stream())
						.collect(Collectors.joining("; ")));
		});
		return new Reading(channel, fields, answer.body());
	}

	/** The referral's row of the agency's inbox as CSV; its fields by column header. */
	Reading csv(TestUserAgent agent, String code) {
		TestUserAgent.Download d = agent.download("/referrals/inbox.csv");
		assertThat(d.status()).as("the inbox as CSV").isEqualTo(200);
		assertThat(d.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
		assertThat(Arrays.copyOf(d.body(), 3)).as("a byte order mark for Excel").isEqualTo(ReferralExport.BOM);
		String text = new String(d.body(), 3, d.body().length - 3, StandardCharsets.UTF_8);
		Map<String, ShareField> byLabel = new LinkedHashMap<>();
		for (ShareField f : ShareField.values()) {
			byLabel.put(label(f), f);
		}
		try (CSVParser csv = CSVParser.parse(new StringReader(text),
				CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
			Map<ShareField, String> fields = new EnumMap<>(ShareField.class);
			CSVRecord row = csv.getRecords()
				.stream()
				.filter(r -> r.get(0).equals(code))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no row " + code + " in\n" + text));
			csv.getHeaderNames()
				.stream()
				.filter(byLabel::containsKey)
				.forEach(h -> fields.put(byLabel.get(h), row.get(h)));
			return new Reading("csv", fields, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
