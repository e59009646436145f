package org.xbarsim.nn.net;

import java.util.Arrays;

/** Shape helpers shared by the layers. */
public final class Shapes {
    private Shapes() {
    }

    /** A shape as PyTorch prints it: [6, 28, 28]. */
    public static String text(int[] shape) {
        return Arrays.toString(shape);
    }

    /** Requires a rank; message "expected a [channels, height, width] input, got [784]". */
    static void requireRank(int[] shape, int rank, String what) {
        if (shape.length != rank) {
            throw new IllegalArgumentException("expected a " + what + " input, got " + text(shape));
        }
    }

    /**
     * Output length of a window sliding over {@code in} positions (with padding), as PyTorch and
     * ONNX compute it (floor mode): floor((in + padBefore + padAfter - kernel) / stride) + 1.
     */
    static int windows(int in, int kernel, int stride, int padBefore, int padAfter, String axis) {
        int span = in + padBefore + padAfter - kernel;
        if (span < 0) {
            throw new IllegalArgumentException("expected a kernel of at most the padded " + axis + " "
                    + (in + padBefore + padAfter) + ", got " + kernel);
        }
        return span / stride + 1;
    }
}
