package org.xbarsim.plugins.ideal;

import org.pf4j.Plugin;

/** The device-ideal plugin. Its one extension is {@link IdealDeviceModel}. */
public class IdealPlugin extends Plugin {
}
