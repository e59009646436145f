package org.xbarsim.architecture;

import java.util.ArrayList;
import java.util.List;

/**
 * The methods of a Java source file and their lengths, found by reading it as tokens: comments,
 * strings, text blocks and characters are skipped; a block is a method body when it opens in a type's
 * body after a parameter list (and a throws clause) or after a record's name (a compact constructor),
 * and an initializer when it opens right after {@code static} or on its own. Nested blocks (lambdas,
 * anonymous classes) belong to the method that holds them.
 */
final class JavaMethods {
    private JavaMethods() {
    }

    /** A method: where it starts (the line of its name), its name and its length in lines. */
    record Method(String file, int line, String name, int lines) {
        @Override
        public String toString() {
            return file + ":" + line + " " + name + " (" + lines + " lines)";
        }
    }

    /** A significant token: its text and line. */
    private record Token(String text, int line) {
    }

    static List<Method> of(String file, String source) {
        List<Token> tokens = tokens(source);
        List<Method> methods = new ArrayList<>();
        // For each open brace: whether it opened a type's body (then its direct blocks may be methods).
        List<Boolean> typeBody = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text().equals("{")) {
                boolean inType = !typeBody.isEmpty() && typeBody.get(typeBody.size() - 1);
                int header = inType ? methodHeader(tokens, i) : -1;
                if (header >= 0) {
                    int close = matching(tokens, i);
                    methods.add(new Method(file, tokens.get(header).line(), name(tokens, header),
                            tokens.get(close).line() - tokens.get(header).line() + 1));
                    i = close;
                    continue;
                }
                typeBody.add(opensType(tokens, i));
            } else if (t.text().equals("}") && !typeBody.isEmpty()) {
                typeBody.remove(typeBody.size() - 1);
            }
        }
        return methods;
    }

    /** Whether the brace at {@code open} starts a class, interface, enum or record body. */
    private static boolean opensType(List<Token> tokens, int open) {
        for (int j = open - 1; j >= 0; j--) {
            String s = tokens.get(j).text();
            if (s.equals(";") || s.equals("}") || s.equals("{")) {
                return false;
            }
            if (s.equals("class") || s.equals("interface") || s.equals("enum") || s.equals("record")
                    || s.equals("new")) {
                return !s.equals("new") || isAnonymousClass(tokens, open);
            }
        }
        return false;
    }

    /** {@code new Foo(...) {}}: a body after the arguments of a constructor call is an anonymous class. */
    private static boolean isAnonymousClass(List<Token> tokens, int open) {
        return tokens.get(open - 1).text().equals(")");
    }

    /**
     * The index of the token that names the method whose body opens at {@code open}, or -1 when the
     * block is not a method body (a field's array initializer, a nested type's body).
     */
    private static int methodHeader(List<Token> tokens, int open) {
        int j = open - 1;
        String before = tokens.get(j).text();
        if (before.equals("static") || before.equals(";") || before.equals("}") || before.equals("{")) {
            return before.equals("static") ? j : open; // an initializer: named <init>, starting at its brace
        }
        if (typeHeader(tokens, open)) {
            return -1;
        }
        // Skip a throws clause: identifiers, dots, commas and generics back to the parameter list.
        while (j > 0 && !tokens.get(j).text().equals(")") && isThrowsPart(tokens.get(j).text())) {
            j--;
        }
        if (!tokens.get(j).text().equals(")")) {
            // A compact constructor: the record's name and then its body.
            return isIdentifier(before) && !isKeyword(before) ? open - 1 : -1;
        }
        for (int depth = 0; j >= 0; j--) {
            String s = tokens.get(j).text();
            depth += s.equals(")") ? 1 : s.equals("(") ? -1 : 0;
            if (depth == 0) {
                break;
            }
        }
        return j > 0 && isIdentifier(tokens.get(j - 1).text()) && !isKeyword(tokens.get(j - 1).text()) ? j - 1 : -1;
    }

    /**
     * Whether the brace at {@code open} ends the header of a type ({@code class}, {@code record}, ...)
     * or of an expression ({@code = new Foo() {}}, {@code -> {}}): a keyword or operator that says so
     * outside parentheses, back to the previous member.
     */
    private static boolean typeHeader(List<Token> tokens, int open) {
        int depth = 0;
        for (int j = open - 1; j >= 0; j--) {
            String s = tokens.get(j).text();
            depth += s.equals(")") ? 1 : s.equals("(") ? -1 : 0;
            if (depth == 0 && (s.equals(";") || s.equals("}") || s.equals("{"))) {
                return false;
            }
            if (depth == 0 && List.of("class", "interface", "enum", "record", "=", "->", "new").contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isThrowsPart(String s) {
        return isIdentifier(s) || s.equals(".") || s.equals(",") || s.equals("<") || s.equals(">");
    }

    private static boolean isIdentifier(String s) {
        return !s.isEmpty() && Character.isJavaIdentifierStart(s.charAt(0));
    }

    private static boolean isKeyword(String s) {
        return List.of("if", "for", "while", "switch", "catch", "synchronized", "try", "do", "else", "return",
                "new", "throws").contains(s);
    }

    private static String name(List<Token> tokens, int header) {
        String s = tokens.get(header).text();
        return s.equals("static") || s.equals("{") ? "<init>" : s;
    }

    private static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int j = open; j < tokens.size(); j++) {
            depth += tokens.get(j).text().equals("{") ? 1 : tokens.get(j).text().equals("}") ? -1 : 0;
            if (depth == 0) {
                return j;
            }
        }
        throw new IllegalStateException("unbalanced braces");
    }

    /** Identifiers and single-character symbols, with comments, strings, text blocks and chars left out. */
    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (c == '\n') {
                line++;
                i++;
            } else if (s.startsWith("//", i)) {
                i = s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i);
            } else if (s.startsWith("/*", i) || s.startsWith("\"\"\"", i)) {
                String end = s.startsWith("/*", i) ? "*/" : "\"\"\"";
                int e = s.indexOf(end, i + 2 + (end.length() - 2));
                i = e < 0 ? s.length() : e + end.length();
            } else if (c == '"' || c == '\'') {
                i = endOfLiteral(s, i, c);
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(s.substring(start, i), line));
            } else {
                i++;
                if (c == '-' && i < s.length() && s.charAt(i) == '>') {
                    i++;
                    out.add(new Token("->", line));
                } else if (!Character.isWhitespace(c)) {
                    out.add(new Token(String.valueOf(c), line));
                }
            }
            for (int k = start; k < i && c != '\n'; k++) {
                line += s.charAt(k) == '\n' ? 1 : 0;
            }
        }
        return out;
    }

    private static int endOfLiteral(String s, int i, char quote) {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != quote) {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        return j + 1;
    }
}
