/**
 * Parameters as data: specs with a unit, default, range and description; resolved values in
 * canonical units; cited presets. Units are parsed here once, at load, and never again.
 */
package org.xbarsim.api.param;
