/**
 * Effective-dated administrative units (provinces, the abolished districts, communes),
 * the old→new succession of the 2024 and 2025 reforms, and the reference files they are
 * loaded from. Splits are flagged for review, never resolved by guessing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package vn.trean.geography;
