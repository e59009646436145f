package org.xbarsim.nn.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.xbarsim.api.io.BoundedFiles;

/**
 * A text encoded as character ids, with a sorted vocabulary and a train / held-out split.
 *
 * <p>The vocabulary is the distinct characters (UTF-16 code units) of the text in ascending order,
 * so the id of a character depends only on which characters occur, never on where they first
 * occur: the same text always gives the same ids. Ids are stored as {@code short} (a vocabulary
 * has at most 65,536 entries; half a megabyte of text is a megabyte of ids, not two).
 *
 * <p>The split is positional, not random: the first {@code trainFraction} of the characters are
 * the training text and the rest is held out. A language model carries its state along the text,
 * so the held-out part must be one contiguous stretch the model has never seen.
 */
public final class CharCorpus {
    /** The split used for the shipped text: first 90% train, last 10% held out. */
    public static final double DEFAULT_TRAIN_FRACTION = 0.9;

    private final String vocabulary;
    /** Character to id; -1 for characters not in the vocabulary. Indexed by the UTF-16 unit. */
    private final short[] idOf;
    private final short[] ids;
    private final int trainLength;

    private CharCorpus(String vocabulary, short[] ids, double trainFraction) {
        this.vocabulary = vocabulary;
        this.idOf = indexOf(vocabulary);
        this.ids = ids;
        this.trainLength = (int) Math.floor(ids.length * trainFraction);
    }

    /**
     * Larger corpora are refused before they are read: a character LSTM trains and evaluates on a few
     * megabytes (the Jargon File is 1.7 MB), and the text is held in memory several times over.
     */
    public static final long MAX_BYTES = 64L << 20;

    /** Loads a UTF-8 text file with the default 90/10 split. */
    public static CharCorpus load(Path file) {
        return load(file, DEFAULT_TRAIN_FRACTION);
    }

    /**
     * Loads a UTF-8 text file.
     *
     * @param trainFraction share of the characters, from the start, in the training split; in (0, 1]
     * @throws IllegalArgumentException naming the file if it is missing, unreadable, not UTF-8 or empty
     */
    public static CharCorpus load(Path file, double trainFraction) {
        byte[] bytes;
        try {
            bytes = BoundedFiles.readAllBytes(file, MAX_BYTES, "a UTF-8 text corpus");
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        String text;
        try {
            // Strict decoding: a silently replaced byte would add a U+FFFD to the vocabulary.
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": expected UTF-8 text: " + e.getMessage(), e);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException(file + ": is empty, expected text");
        }
        return of(text, trainFraction);
    }

    /**
     * A corpus of the given text.
     *
     * @throws IllegalArgumentException if the text is empty or the fraction is outside (0, 1]
     */
    public static CharCorpus of(String text, double trainFraction) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text is empty, expected at least one character");
        }
        if (!(trainFraction > 0 && trainFraction <= 1)) {
            throw new IllegalArgumentException("train fraction must be in (0, 1], got " + trainFraction);
        }
        boolean[] present = new boolean[Character.MAX_VALUE + 1];
        for (int i = 0; i < text.length(); i++) {
            present[text.charAt(i)] = true;
        }
        StringBuilder vocab = new StringBuilder();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (present[c]) {
                vocab.append((char) c);
            }
        }
        String vocabulary = vocab.toString();
        short[] index = indexOf(vocabulary);
        short[] ids = new short[text.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = index[text.charAt(i)];
        }
        return new CharCorpus(vocabulary, ids, trainFraction);
    }

    private static short[] indexOf(String vocabulary) {
        short[] index = new short[Character.MAX_VALUE + 1];
        Arrays.fill(index, (short) -1);
        for (int i = 0; i < vocabulary.length(); i++) {
            index[vocabulary.charAt(i)] = (short) i;
        }
        return index;
    }

    /** The distinct characters in ascending order; character {@code i} has id {@code i}. */
    public String vocabulary() {
        return vocabulary;
    }

    public int vocabSize() {
        return vocabulary.length();
    }

    /** The id of a character, or -1 if it is not in the vocabulary. */
    public int id(char c) {
        return idOf[c];
    }

    /** The character with an id. */
    public char symbol(int id) {
        return vocabulary.charAt(id);
    }

    /** Number of characters in the whole text. */
    public int length() {
        return ids.length;
    }

    /** Number of characters in the training split; the held-out split has the rest. */
    public int trainLength() {
        return trainLength;
    }

    public int heldOutLength() {
        return ids.length - trainLength;
    }

    /** The id of the character at a position of the whole text. */
    public int idAt(int position) {
        return ids[position];
    }

    /** The training split as ids, a fresh array. */
    public int[] trainIds() {
        return widen(0, trainLength);
    }

    /** The held-out split as ids, a fresh array. */
    public int[] heldOutIds() {
        return widen(trainLength, ids.length);
    }

    /** The whole text as ids, a fresh array. */
    public short[] ids() {
        return ids.clone();
    }

    private int[] widen(int from, int to) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = ids[i];
        }
        return out;
    }

    /**
     * Encodes text with this corpus's vocabulary.
     *
     * @throws IllegalArgumentException naming the first character not in the vocabulary
     */
    public int[] encode(CharSequence text) {
        int[] out = new int[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            int id = idOf[c];
            if (id < 0) {
                throw new IllegalArgumentException(String.format(
                        "character U+%04X at position %d is not in the vocabulary", (int) c, i));
            }
            out[i] = id;
        }
        return out;
    }

    /** Ids back to text. */
    public String decode(int[] ids) {
        char[] out = new char[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = vocabulary.charAt(ids[i]);
        }
        return new String(out);
    }
}
