package org.xbarsim.plugins.rram;

import org.pf4j.Plugin;

/** The device-rram plugin: filamentary RRAM physics. Its one extension is {@link RramDeviceModel}. */
public class RramPlugin extends Plugin {
}
