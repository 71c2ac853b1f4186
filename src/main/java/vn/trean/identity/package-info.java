/**
 * Users, their roles, jurisdiction and agency; sign-in with a password and a TOTP second
 * factor; API tokens; and the one {@link vn.trean.identity.Authorization} component that
 * decides who may do what where.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography" })
package vn.trean.identity;
