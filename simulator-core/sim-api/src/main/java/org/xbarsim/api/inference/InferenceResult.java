package org.xbarsim.api.inference;

import java.util.List;

/**
 * The outcome of an evaluation, in floating point and through the analog tiles. Figures that do
 * not apply to a network are NaN (accuracy for a language model, bits per character for a
 * classifier).
 *
 * @param samples             evaluation samples (images, or characters of held-out text)
 * @param softwareAccuracy    classification accuracy in floating point
 * @param analogAccuracy      classification accuracy through the analog layers
 * @param softwareBitsPerChar cross-entropy in bits per character in floating point
 * @param analogBitsPerChar   cross-entropy in bits per character through the analog layers
 * @param layers              what each layer of the network asks of the chip per sample (analog
 *                            multiplies, digital operations), in network order; empty if not reported
 */
public record InferenceResult(long samples, double softwareAccuracy, double analogAccuracy,
                              double softwareBitsPerChar, double analogBitsPerChar, List<LayerWork> layers) {
    public InferenceResult {
        layers = List.copyOf(layers);
    }

    /** A result without the per-layer work (a workload that does not report it). */
    public InferenceResult(long samples, double softwareAccuracy, double analogAccuracy, double softwareBitsPerChar,
                           double analogBitsPerChar) {
        this(samples, softwareAccuracy, analogAccuracy, softwareBitsPerChar, analogBitsPerChar, List.of());
    }

    public static InferenceResult classifier(long samples, double software, double analog) {
        return new InferenceResult(samples, software, analog, Double.NaN, Double.NaN, List.of());
    }

    public static InferenceResult languageModel(long characters, double softwareBits, double analogBits) {
        return new InferenceResult(characters, Double.NaN, Double.NaN, softwareBits, analogBits, List.of());
    }

    /** The same result with the network's per-layer work. */
    public InferenceResult withLayers(List<LayerWork> work) {
        return new InferenceResult(samples, softwareAccuracy, analogAccuracy, softwareBitsPerChar, analogBitsPerChar,
                work);
    }
}
