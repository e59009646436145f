/**
 * The chip's one clock: discrete-event kernels on the chip clock running the hardware components that
 * take time. Programming: tiles with their row drivers and integrators, controllers, programming
 * supplies and ADC banks, timed from the logs of what each row demanded ({@link
 * org.xbarsim.engine.timeline.ChipTimeline}). Inference: tiles driving, integrating and converting,
 * ADC banks, links and each layer's digital periphery, timed from the multiplies a workload asked for
 * ({@link org.xbarsim.engine.timeline.InferenceTimeline}). Shared hardware is where the components'
 * timelines meet: a request waits in the resource's queue until it is free.
 */
package org.xbarsim.engine.timeline;
