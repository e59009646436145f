/**
 * The cost-model extension point: what the chip's actions cost in energy, and what its tiles cost in
 * area. A {@link org.xbarsim.api.cost.CostModel} prices a chip once per run into
 * {@link org.xbarsim.api.cost.Costs}, plain numbers the engine's hot loops multiply by the actions
 * they count; every number a model uses is one of its parameters, cited in its description.
 */
package org.xbarsim.api.cost;
