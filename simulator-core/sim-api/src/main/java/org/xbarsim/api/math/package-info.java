/**
 * Arithmetic that gives the same bits on every JVM, fast enough for the hot loops: functions built
 * from IEEE 754 operations only (Java evaluates +, -, *, / and rint strictly), so results do not
 * depend on the JIT, the interpreter or the processor, unlike {@link java.lang.Math}'s intrinsics.
 */
package org.xbarsim.api.math;
