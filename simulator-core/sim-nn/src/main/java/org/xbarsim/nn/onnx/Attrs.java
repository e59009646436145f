package org.xbarsim.nn.onnx;

import org.xbarsim.nn.onnx.OnnxModel.Attribute;
import org.xbarsim.nn.onnx.OnnxModel.Node;
import org.xbarsim.nn.onnx.OnnxModel.Tensor;

/** Typed access to a node's attributes, with ONNX's defaults. */
final class Attrs {
    private Attrs() {
    }

    static long integer(Node n, String name, long fallback) {
        Attribute a = n.attributes().get(name);
        if (a == null) {
            return fallback;
        }
        require(a, Attribute.INT, "an integer");
        return a.i();
    }

    static float number(Node n, String name, float fallback) {
        Attribute a = n.attributes().get(name);
        if (a == null) {
            return fallback;
        }
        require(a, Attribute.FLOAT, "a float");
        return a.f();
    }

    static String text(Node n, String name, String fallback) {
        Attribute a = n.attributes().get(name);
        if (a == null) {
            return fallback;
        }
        require(a, Attribute.STRING, "a string");
        return a.s();
    }

    /** An INTS attribute of exactly {@code length} values, or the fallback (null: required). */
    static long[] ints(Node n, String name, int length, long[] fallback) {
        Attribute a = n.attributes().get(name);
        if (a == null) {
            if (fallback == null) {
                throw new IllegalArgumentException("expected attribute " + name + ", found none");
            }
            return fallback;
        }
        require(a, Attribute.INTS, "a list of integers");
        if (a.ints().length != length) {
            throw new IllegalArgumentException("expected attribute " + name + " of " + length + " values, got "
                    + java.util.Arrays.toString(a.ints()));
        }
        return a.ints();
    }

    static Tensor tensor(Node n, String name) {
        Attribute a = n.attributes().get(name);
        if (a == null || a.t() == null) {
            throw new IllegalArgumentException("expected a tensor attribute '" + name + "' (other Constant forms are "
                    + "not supported), found none");
        }
        return a.t();
    }

    /** Refuses attributes outside {@code allowed}: an unknown attribute may change what the operator computes. */
    static void only(Node n, java.util.Set<String> allowed) {
        for (String name : n.attributes().keySet()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("attribute '" + name + "' is not supported; supported: "
                        + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static void require(Attribute a, int type, String what) {
        // Writers may leave type unset (0) in old files; the field present then says what it is.
        if (a.type() != type && a.type() != 0) {
            throw new IllegalArgumentException("expected attribute " + a.name() + " to be " + what + ", got type "
                    + a.type());
        }
    }
}
