/** Electrochemical RAM (ECRAM) device physics: near-linear, symmetric steps with small noise. */
package org.xbarsim.plugins.ecram;
