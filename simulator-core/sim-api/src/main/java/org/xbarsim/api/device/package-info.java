/** The device-physics extension point: populations of NVM devices over primitive arrays. */
package org.xbarsim.api.device;
