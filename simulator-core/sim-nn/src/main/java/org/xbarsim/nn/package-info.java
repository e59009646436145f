/**
 * Networks and data for xbarsim's DNN workloads, in floating point: the reference the analog
 * results are compared with. Subpackages: {@code net} (networks as graphs of layers, their files and
 * trainer), {@code onnx} (the ONNX reader), {@code infer} (networks through a chip's analog layers),
 * {@code cnn} (the shipped MNIST CNN), {@code mlp}, {@code lstm}, {@code data} (MNIST), {@code text}.
 * Pure Java over primitive arrays, deterministic for a given seed.
 */
package org.xbarsim.nn;
