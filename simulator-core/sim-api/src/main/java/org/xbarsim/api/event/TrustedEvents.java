package org.xbarsim.api.event;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate generated classes it has not been told to trust. xbarsim trusts
 * its own event package and nothing else: a trace or a bus message cannot make it load other classes.
 */
public final class TrustedEvents {
    private static boolean installed;

    private TrustedEvents() {
    }

    /** Adds this package to Avro's global trust list, once. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        String prefix = TrustedEvents.class.getPackageName() + ".";
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                c -> c.getName().startsWith(prefix)));
        installed = true;
    }
}
