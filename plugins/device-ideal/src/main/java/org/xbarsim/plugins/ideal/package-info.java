/** An ideal device: linear, noise-free and identical; the upper bound a programming policy can reach. */
package org.xbarsim.plugins.ideal;
