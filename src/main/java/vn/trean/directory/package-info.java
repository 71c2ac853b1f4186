/**
 * The directory of agencies and service providers that take part in child protection (the
 * provincial authority, commune committees, hotlines, schools, health facilities, police,
 * …), where each belongs and how to reach it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography", "identity" })
package vn.trean.directory;
