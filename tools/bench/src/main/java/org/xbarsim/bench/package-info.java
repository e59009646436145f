/** JMH benchmarks of the hot paths: pulse-and-verify physics, random numbers, bus delivery, kernel. */
package org.xbarsim.bench;
