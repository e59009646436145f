package org.xbarsim.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No method (or constructor, or initializer) of main code is longer than {@value #LIMIT} lines, from
 * the line of its name to its closing brace, anywhere in the repository: a longer one is split into
 * named steps. Read from the sources, so a lambda or an anonymous class counts with the method that
 * holds it.
 */
class MethodLengthTest {
    static final int LIMIT = 60;

    @Test
    void noMethodOfMainCodeIsLongerThanSixtyLines() throws IOException {
        List<JavaMethods.Method> all = new ArrayList<>();
        for (Path dir : Modules.sourceDirs()) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    all.addAll(JavaMethods.of(Modules.ROOT.relativize(f).toString(), Files.readString(f)));
                }
            }
        }
        assertTrue(all.size() > 1000, "the sources were found: " + all.size() + " methods");
        List<JavaMethods.Method> longer = all.stream().filter(m -> m.lines() > LIMIT)
                .sorted(Comparator.comparingInt(JavaMethods.Method::lines).reversed()).toList();
        assertEquals(List.of(), longer.stream().map(JavaMethods.Method::toString).toList(),
                "methods over " + LIMIT + " lines");
    }

    @Test
    void theCounterFindsMethodsConstructorsAndInitializersAndSkipsWhatIsNotCode() {
        String source = """
                package x;
                /** { not code } */
                class A {
                    static final int[] TABLE = {1, 2, 3};
                    static {
                        System.out.println("{");
                    }
                    A(int a) {
                        this.a = a;
                    }
                    int f(String s) throws java.io.IOException {
                        Runnable r = () -> {
                            char c = '}';
                        };
                        return new Object() {
                            int g() {
                                return 1;
                            }
                        }.g();
                    }
                    record R(int a) {
                        R {
                            // a compact constructor
                        }
                    }
                    interface I {
                        void m();
                        default int n() {
                            return 2;
                        }
                    }
                }
                """;
        List<JavaMethods.Method> methods = JavaMethods.of("A.java", source);
        assertEquals(List.of("A.java:5 <init> (3 lines)", "A.java:8 A (3 lines)", "A.java:11 f (10 lines)",
                "A.java:22 R (3 lines)", "A.java:28 n (3 lines)"), methods.stream().map(Object::toString).toList());
    }
}
