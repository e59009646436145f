package org.xbarsim.explore.cluster;

/** A message of the point protocol that is not what its address expects: dropped, and logged in one line. */
public final class MalformedMessage extends RuntimeException {
    public MalformedMessage(String why) {
        super(why);
    }
}
