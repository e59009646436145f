/**
 * Data sets for the floating-point networks: {@link org.xbarsim.nn.data.Dataset} (features as one
 * row-major float array, labels as bytes), the IDX reader, and MNIST, fetched once into a cache
 * outside the repository (the data is CC BY-SA: fetched, never committed).
 */
package org.xbarsim.nn.data;
