/**
 * The chip's one timeline: a discrete-event kernel on the chip clock running the hardware
 * components that take time (tiles with their row drivers and integrators, controllers, programming
 * supplies, ADC banks) from the logs of what each row demanded. Shared hardware is where the
 * components' timelines meet: a request waits in the resource's queue until it is free.
 */
package org.xbarsim.engine.timeline;
