/**
 * ONNX models: a bounded reader of the protobuf wire format ({@link org.xbarsim.nn.onnx.ProtoReader}),
 * the parts of onnx.proto a network needs ({@link org.xbarsim.nn.onnx.OnnxModel}, parsed by
 * {@link org.xbarsim.nn.onnx.OnnxParser}), and their translation into a
 * {@link org.xbarsim.nn.net.Network} ({@link org.xbarsim.nn.onnx.OnnxImporter}). No generated code:
 * the file is untrusted input, read within limits, and every problem is one message.
 */
package org.xbarsim.nn.onnx;
