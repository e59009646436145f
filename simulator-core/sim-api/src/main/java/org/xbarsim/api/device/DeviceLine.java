package org.xbarsim.api.device;

/**
 * The four devices of a unit cell, W = F * (GP - GM) + (LP - LM): the more significant pair
 * (GP, GM) and the less significant pair (LP, LM). The order is the order of the device-line
 * blocks in masks and device arrays.
 */
public enum DeviceLine {
    GP, GM, LP, LM;

    public static final int COUNT = 4;
}
