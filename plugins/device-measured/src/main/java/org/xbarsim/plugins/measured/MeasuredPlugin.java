package org.xbarsim.plugins.measured;

import org.pf4j.Plugin;

/** The device-measured plugin: measured-curve device physics. Its one extension is {@link MeasuredDeviceModel}. */
public class MeasuredPlugin extends Plugin {
}
