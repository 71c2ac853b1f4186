package vn.trean.geography;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the administrative units on every start before anything else runs; files already
 * imported are skipped, so this is cheap after the first start. Production needs the
 * units as much as the demo does, so this is not demo data.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReferenceDataLoader implements ApplicationRunner {

	private final ReferenceDataImport imports;

	private final ResourceLoader resources;

	private final GeographySettings settings;

	ReferenceDataLoader(ReferenceDataImport imports, ResourceLoader resources, GeographySettings settings) {
		this.imports = imports;
		this.resources = resources;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (ReferenceDataImport.ReferenceFile file : ReferenceDataImport.ReferenceFile.values()) {
			imports.importFile(file, file.fileName, resources.getResource(settings.referenceData() + file.fileName));
		}
	}

}
