package org.xbarsim.nn.net;

/**
 * The geometry of a 2-D sliding window (a convolution's kernel or a pooling window): its size,
 * stride and padding on each side (ONNX's pads [top, left, bottom, right]; PyTorch pads both sides
 * alike).
 */
public record Window(int kernelH, int kernelW, int strideH, int strideW, int padTop, int padLeft, int padBottom,
                     int padRight) {
    public Window {
        if (kernelH < 1 || kernelW < 1 || strideH < 1 || strideW < 1) {
            throw new IllegalArgumentException("expected kernel and stride of at least 1, got kernel " + kernelH + "x"
                    + kernelW + ", stride " + strideH + "x" + strideW);
        }
        if (padTop < 0 || padLeft < 0 || padBottom < 0 || padRight < 0) {
            throw new IllegalArgumentException("expected padding >= 0, got " + padTop + ", " + padLeft + ", "
                    + padBottom + ", " + padRight);
        }
        // A window entirely in the padding has no input: PyTorch refuses it (pad at most half the kernel).
        if (padTop >= kernelH || padBottom >= kernelH || padLeft >= kernelW || padRight >= kernelW) {
            throw new IllegalArgumentException("expected padding smaller than the kernel " + kernelH + "x" + kernelW
                    + ", got " + padTop + ", " + padLeft + ", " + padBottom + ", " + padRight);
        }
    }

    /** A square kernel with equal stride and padding on every side, as PyTorch describes one. */
    public static Window square(int kernel, int stride, int padding) {
        return new Window(kernel, kernel, stride, stride, padding, padding, padding, padding);
    }

    public int outH(int h) {
        return Shapes.windows(h, kernelH, strideH, padTop, padBottom, "height");
    }

    public int outW(int w) {
        return Shapes.windows(w, kernelW, strideW, padLeft, padRight, "width");
    }

    /** The per-sample output shape [C, H', W'] of pooling a [C, H, W] input with this window. */
    int[] pooled(int[] s) {
        Shapes.requireRank(s, 3, "[channels, height, width]");
        return new int[] {s[0], outH(s[1]), outW(s[2])};
    }

    /**
     * Where each output position's window reads a [C, H, W] sample: element {@code p K + k} is the
     * sample index of receptive-field element k = (c kh + i) kw + j of position p (row-major over
     * the output), or -1 in the padding. One map serves im2col, its transpose and its adjoint.
     */
    public int[] receptiveFields(int[] shape) {
        int c = shape[0];
        int h = shape[1];
        int w = shape[2];
        int oh = outH(h);
        int ow = outW(w);
        int k = c * kernelH * kernelW;
        int[] map = new int[oh * ow * k];
        for (int py = 0; py < oh; py++) {
            for (int px = 0; px < ow; px++) {
                int base = (py * ow + px) * k;
                for (int ch = 0; ch < c; ch++) {
                    for (int i = 0; i < kernelH; i++) {
                        int y = py * strideH - padTop + i;
                        for (int j = 0; j < kernelW; j++) {
                            int x = px * strideW - padLeft + j;
                            boolean inside = y >= 0 && y < h && x >= 0 && x < w;
                            map[base + (ch * kernelH + i) * kernelW + j] = inside ? (ch * h + y) * w + x : -1;
                        }
                    }
                }
            }
        }
        return map;
    }

    /** One line for descriptions and errors: kernel 5x5 stride 1 pads 2,2,2,2. */
    public String text() {
        return "kernel " + kernelH + "x" + kernelW + " stride " + strideH + "x" + strideW + " pads " + padTop + ","
                + padLeft + "," + padBottom + "," + padRight;
    }
}
