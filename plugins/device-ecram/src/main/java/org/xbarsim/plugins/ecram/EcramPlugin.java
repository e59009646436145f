package org.xbarsim.plugins.ecram;

import org.pf4j.Plugin;

/** The device-ecram plugin: ECRAM physics. Its one extension is {@link EcramDeviceModel}. */
public class EcramPlugin extends Plugin {
}
