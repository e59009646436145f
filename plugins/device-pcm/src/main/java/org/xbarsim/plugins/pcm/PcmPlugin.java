package org.xbarsim.plugins.pcm;

import org.pf4j.Plugin;

/** The device-pcm plugin: phase-change memory physics. Its one extension is {@link PcmDeviceModel}. */
public class PcmPlugin extends Plugin {
}
