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

    /** One line for descriptions and errors: kernel 5x5 stride 1 pads 2,2,2,2. */
    public String text() {
        return "kernel " + kernelH + "x" + kernelW + " stride " + strideH + "x" + strideW + " pads " + padTop + ","
                + padLeft + "," + padBottom + "," + padRight;
    }
}
