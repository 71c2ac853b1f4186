/**
 * The shared kernel: Vietnamese text folding (the one function every search key goes
 * through), the application clock and time zone, and the web shell (locale, messages,
 * problem details) that every module's pages stand on.
 */
package vn.trean.shared;
