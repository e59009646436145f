/**
 * The xbarsim plugin API: what device, programming and workload plugins compile against.
 * It knows nothing of Vert.x or the engine.
 */
package org.xbarsim.api;
