/** Loading plugin jars with PF4J and finding their extensions by kind and id. */
package org.xbarsim.engine.plugin;
