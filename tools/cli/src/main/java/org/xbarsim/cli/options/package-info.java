/** Options several commands share (picocli mixins): the plugins, the scenario, where results go, the workers. */
package org.xbarsim.cli.options;
